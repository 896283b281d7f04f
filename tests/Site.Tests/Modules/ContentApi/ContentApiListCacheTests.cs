using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15: the anonymous list is output-cached under the public pages' tag, a page per value of the list's own query keys.</summary>
public sealed class ContentApiListCacheTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheList_IsServedFromTheOutputCache_PerQueryKeys_AndEvictedWhenContentChanges()
    {
        var tag = "Cached" + Guid.NewGuid().ToString("N")[..8];
        var other = "Other" + Guid.NewGuid().ToString("N")[..8];
        var first = await PublishAsync("First cached", tag);
        await PublishAsync("Other tag", other);
        var reader = site.CreateReader();
        var url = $"/api/content?type=NewsCommentary&tag={tag}";
        Assert.Equal([first], await IdsAsync(reader, url));
        site.Queries.Reset();

        var cached = await reader.GetAsync(url + "&utm_source=x");

        Assert.Equal(0, site.Queries.Count);
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal("public, max-age=60", cached.Headers.CacheControl!.ToString());

        // Each of the list's keys is its own cached page: another tag, page or page size is never served this one.
        Assert.Single(await IdsAsync(reader, $"/api/content?type=NewsCommentary&tag={other}"));
        Assert.Empty(await IdsAsync(reader, url + "&page=2"));

        var second = await PublishAsync("Second cached", tag);
        Assert.Equal([second, first], await IdsAsync(reader, url));
    }

    [Fact]
    public async Task TheList_WithAToken_IsNeverCached()
    {
        var (_, token) = await ApiClients.TokenAsync(site, "list-cache-reader", "read", "Editor");
        var client = ApiClients.WithToken(site, token);
        await client.GetAsync("/api/content?type=NewsCommentary");
        site.Queries.Reset();

        var response = await client.GetAsync("/api/content?type=NewsCommentary");

        Assert.True(site.Queries.Count > 0);
        Assert.Null(response.Headers.Age);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true });
    }

    private Task<string> PublishAsync(string title, string tag) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(contentManager, $"{title} {tag}", DateTime.UtcNow);
        item.Alter<TagsPart>(p => p.Tags = [tag]);
        return (await contentManager.PublishAsync(item)).ContentItemId;
    });

    private static async Task<List<string>> IdsAsync(HttpClient client, string url)
        => (await ApiClients.ReadAsync(await client.GetAsync(url)))["Items"]!.AsArray().Select(i => (string)i!["ContentItemId"]!).ToList();
}
