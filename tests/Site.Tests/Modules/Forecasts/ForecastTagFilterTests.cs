using System.Net;
using AngleSharp.Dom;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, point 5: /forecasts filtered by tag (alone and with an outcome), read from index rows in the same number of queries.</summary>
public sealed class ForecastTagFilterTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheTagFilter_ShowsOnlyThatTagsForecasts_AlsoWithAnOutcome()
    {
        await ForecastPosts.PublishTaggedAsync(site, ["Belarus Politics", "Kremlin Watch"], ForecastPosts.Open("Tagged open"), ForecastPosts.Resolved("Tagged happened", 70, ForecastOutcome.Happened));
        await ForecastPosts.PublishTaggedAsync(site, ["Economy"], ForecastPosts.Open("Other tag open"));
        await ForecastPosts.PublishAsync(site, ForecastPosts.Open("Untagged open"));

        var (response, page) = await Html.GetAsync(site.CreateReader(), "/forecasts?tag=belarus-politics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Tagged happened", "Tagged open"], Statements(page).Order());
        Assert.Equal("/tags/belarus-politics", page.QuerySelector(".forecast-tag a")!.GetAttribute("href"));
        Assert.Equal("/forecasts?outcome=happened&tag=belarus-politics", page.QuerySelectorAll("nav.filters a").Single(a => a.TextContent == "Happened").GetAttribute("href"));

        var (_, open) = await Html.GetAsync(site.CreateReader(), "/forecasts?outcome=open&tag=kremlin-watch");
        Assert.Equal(["Tagged open"], Statements(open));

        var (_, none) = await Html.GetAsync(site.CreateReader(), "/forecasts?tag=no-such-tag");
        Assert.Empty(Statements(none));
        Assert.NotNull(none.QuerySelector("p.empty"));
    }

    [Fact]
    public async Task ATagThatIsNotAnAddress_IsNamed_AndChangingTagsMovesTheForecast()
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/forecasts?tag=Not%20A%20Slug");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A tag is given by its address, in lower-case letters, digits and hyphens (for example tag=russia).", page.QuerySelector(".notice-error")!.TextContent);

        var (id, _) = await ForecastPosts.PublishTaggedAsync(site, ["Retagged Before"], ForecastPosts.Open("Moves with its tags"));
        await site.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = (await contents.GetAsync(id))!;
            item.Alter<TagsPart>(p => p.Tags = ["Retagged After"]);
            await contents.PublishAsync(item);
        });

        Assert.Empty(Statements((await Html.GetAsync(site.CreateReader(), "/forecasts?tag=retagged-before")).Document));
        Assert.Equal(["Moves with its tags"], Statements((await Html.GetAsync(site.CreateReader(), "/forecasts?tag=retagged-after")).Document));
    }

    [Fact]
    public async Task TheTagFilter_CostsTheSameQueries_ForOnePostOrForty()
    {
        await ForecastPosts.PublishTaggedAsync(site, ["Flat Tag"], ForecastPosts.Open("Flat tagged first"));
        var first = await QueriesAsync();
        for (var i = 0; i < 40; i++)
        {
            await ForecastPosts.PublishTaggedAsync(site, ["Flat Tag", "Other " + i], ForecastPosts.Open("Flat tagged " + i, 10 + i));
        }

        Assert.Equal(first, await QueriesAsync());
        Assert.Equal(QueryCounter.VersionRead + 1, first); // the page of forecasts (tag filter inside it; each row with its post's address), the record
    }

    private static List<string> Statements(IDocument page)
        => page.QuerySelectorAll(".forecast-list .forecast-statement").Select(s => s.TextContent).ToList();

    private async Task<int> QueriesAsync()
    {
        var reader = site.CreateReader();
        await reader.GetAsync("/forecasts?tag=warm-up"); // warm: settings, documents
        site.Queries.Reset();
        var response = await reader.GetAsync("/forecasts?tag=flat-tag");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return site.Queries.Count;
    }
}
