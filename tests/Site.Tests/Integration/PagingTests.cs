using System.Net;
using Cms.Content;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>The home page pages through posts newest first, and each page costs the same few queries.</summary>
public sealed class PagingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Home_PagesNewestFirstAndQueriesStayBounded()
    {
        await site.InScopeAsync(async sp => await sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.PageSize = 5));
        var reader = site.CreateReader();
        site.Queries.Reset();
        await reader.GetStringAsync("/?page=1&q=one-post");
        var queriesWithOnePost = site.Queries.Count;

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            for (var day = 1; day <= 12; day++)
            {
                await contentManager.PublishAsync(TestPosts.New(contentManager, $"Paged Post {day:00}", new DateTime(2024, 3, day, 9, 0, 0, DateTimeKind.Utc)));
            }
        });

        site.Queries.Reset();
        var (_, first) = await Html.GetAsync(reader, "/?page=1&q=many-posts");
        var queriesWithFivePosts = site.Queries.Count;
        var firstTitles = first.QuerySelectorAll("article .title a").Select(a => a.TextContent.Trim()).ToList();
        var (_, third) = await Html.GetAsync(reader, "/?page=3");
        var thirdTitles = third.QuerySelectorAll("article .title a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Paged Post 12", "Paged Post 11", "Paged Post 10", "Paged Post 09", "Paged Post 08"], firstTitles);
        Assert.Equal(["Paged Post 02", "Paged Post 01", "Sochi Meeting"], thirdTitles);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Equal("Tuesday, March 12, 2024", first.QuerySelector("h2.date-header")!.TextContent.Trim());
        Assert.True(queriesWithFivePosts <= queriesWithOnePost, $"5 posts took {queriesWithFivePosts} queries, 1 post took {queriesWithOnePost}");
        // The page, the public-pages signal's version and the comment counts of its posts (kept until the next change), and one more.
        Assert.True(queriesWithFivePosts <= 4, $"the home page took {queriesWithFivePosts} queries");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/?page=40")).StatusCode);
    }
}
