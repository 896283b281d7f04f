using System.Net;
using System.Text.Json.Nodes;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, point 5: the public /forecasts page, its counts, Brier score, calibration, filter and JSON-LD, in a fixed number of queries.</summary>
public sealed class ForecastRecordTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheRecord_CountsOutcomes_ScoresProbabilities_AndCalibrates()
    {
        await ForecastPosts.PublishAsync(site,
            ForecastPosts.Resolved("Eighty that happened", 80, ForecastOutcome.Happened),
            ForecastPosts.Resolved("Eighty that did not", 80, ForecastOutcome.DidNotHappen),
            ForecastPosts.Resolved("Thirty that did not", 30, ForecastOutcome.DidNotHappen),
            ForecastPosts.Resolved("Partly, not scored", 50, ForecastOutcome.Partly),
            ForecastPosts.Resolved("Withdrawn, not scored", 90, ForecastOutcome.Withdrawn),
            ForecastPosts.Open("Still open", 40));

        var (response, page) = await Html.GetAsync(site.CreateReader(), "/forecasts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", page.QuerySelector("#count-open td")!.TextContent); // with the sample post's
        Assert.Equal("1", page.QuerySelector("#count-happened td")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#count-did-not-happen td")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-partly td")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-withdrawn td")!.TextContent);

        // ((0.8 - 1)² + 0.8² + 0.3²) / 3 = 0.2567
        Assert.Equal("0.257", page.QuerySelector("#brier")!.TextContent);
        var bands = page.QuerySelectorAll("table.calibration tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["30–39 % | 1 | 30 % | 0 (0 %)", "80–89 % | 2 | 80 % | 1 (50 %)"], bands);

        var jsonLd = JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        var reviews = jsonLd["@graph"]!.AsArray();
        Assert.Equal(4, reviews.Count);
        var happened = reviews.Single(r => (string?)r!["claimReviewed"] == "Eighty that happened")!;
        Assert.Equal("ClaimReview", (string?)happened["@type"]);
        Assert.Equal("Claim", (string?)happened["itemReviewed"]!["@type"]);
        Assert.Equal("Happened", (string?)happened["reviewRating"]!["alternateName"]);
    }
}

/// <summary>Issue 16, point 5: the page's filter, and its cost.</summary>
public sealed class ForecastPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheFilter_ShowsOneOutcome_AndAnUnknownOneIsNamed()
    {
        await ForecastPosts.PublishAsync(site, ForecastPosts.Resolved("Filtered withdrawn", null, ForecastOutcome.Withdrawn), ForecastPosts.Open("Filtered open"));

        var (_, withdrawn) = await Html.GetAsync(site.CreateReader(), "/forecasts?outcome=withdrawn");
        var statements = withdrawn.QuerySelectorAll(".forecast-list .forecast-statement").Select(s => s.TextContent).ToList();
        Assert.Contains("Filtered withdrawn", statements);
        Assert.DoesNotContain("Filtered open", statements);

        var (response, unknown) = await Html.GetAsync(site.CreateReader(), "/forecasts?outcome=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("There is no outcome by that name: choose open, happened, did-not-happen, partly or withdrawn.", unknown.QuerySelector(".notice-error")!.TextContent);
    }

    [Fact]
    public async Task ThePage_CostsTheSameQueries_ForOnePostOrForty()
    {
        var first = await QueriesAsync("?outcome=open");
        for (var i = 0; i < 40; i++)
        {
            await ForecastPosts.PublishAsync(site, ForecastPosts.Open("Flat " + i, 10 + i), ForecastPosts.Resolved("Flat resolved " + i, 50, ForecastOutcome.Happened));
        }

        Assert.Equal(first, await QueriesAsync("?outcome=open"));
        Assert.Equal(QueryCounter.VersionRead + 1, first); // the page of forecasts (each row with its post's address), the record's version (counted once per change)
    }

    [Fact]
    public async Task ARowIndexedWithoutItsAddress_IsStillLinked_ByOneLookUp()
    {
        // Partly: a list no other test here counts the queries of (this row costs the page one more).
        var (id, path) = await ForecastPosts.PublishAsync(site, ForecastPosts.Resolved("Indexed by an earlier build", null, ForecastOutcome.Partly));
        var kept = await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<ForecastIndex>().Where(r => r.ContentItemId == id).Select(r => r.PostPath).SingleAsync());

        // A site made before the index kept addresses: its rows have none until the post is next published.
        await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<ForecastIndex>()
            .Where(r => r.ContentItemId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.PostPath, (string?)null)));
        var (_, page) = await Html.GetAsync(site.CreateReader(), "/forecasts?outcome=partly");

        Assert.Equal(path, kept);
        Assert.Contains(page.QuerySelectorAll(".forecast-list a"), a => a.GetAttribute("href") == path);
    }

    private async Task<int> QueriesAsync(string query)
    {
        var reader = site.CreateReader();
        await reader.GetAsync("/forecasts?outcome=happened"); // warm: settings, documents
        site.Queries.Reset();
        var response = await reader.GetAsync("/forecasts" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return site.Queries.Count;
    }
}
