using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 10: cached public pages vary only by the query keys pages read (page, commentPage), so
/// random query strings are served the one cached page instead of each costing a render and a cache entry.
/// </summary>
public sealed class CacheKeyTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static readonly TheoryData<string, string> SamePage = new()
    {
        { "/?x=1", "/?x=2" },
        { "/?x=1", "/" },
        { "/2020/09/11/sochi-meeting?utm_source=a", "/2020/09/11/sochi-meeting?utm_source=b&fbclid=c" },
        { "/rss.xml?nocache=1", "/rss.xml?nocache=2" },
        { "/archive?page=1&x=1", "/archive?x=2&page=1" },
    };

    [Theory]
    [MemberData(nameof(SamePage))]
    public async Task UnknownQueryKeys_AreServedTheSameCachedPage_RenderedOnce(string first, string second)
    {
        var reader = site.CreateReader();
        var rendered = await reader.GetStringAsync(first);
        site.Queries.Reset();

        var again = await reader.GetAsync(second);

        Assert.Equal(rendered, await again.Content.ReadAsStringAsync());
        Assert.Equal(0, site.Queries.Count);
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task TheQueryKeysPagesRead_StillMakeTheirOwnPages()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/2020/09/11/sochi-meeting");
        await reader.GetStringAsync("/tags");
        site.Queries.Reset();

        await reader.GetStringAsync("/2020/09/11/sochi-meeting?commentPage=2");
        var afterCommentPage = site.Queries.Count;
        await reader.GetStringAsync("/tags?page=1");

        Assert.True(afterCommentPage > 0, "?commentPage= is rendered for itself");
        Assert.True(site.Queries.Count > afterCommentPage, "?page= is rendered for itself");
    }
}
