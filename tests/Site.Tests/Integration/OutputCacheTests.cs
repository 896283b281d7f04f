using Cms.Content;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>
/// Anonymous pages come from the output cache, and a change readers should see is visible on the
/// very next request: publish, unpublish, delete, settings.
/// </summary>
public sealed class OutputCacheTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Home_IsServedFromCache_WhenNothingChanged()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/archive");
        site.Queries.Reset();

        var second = await reader.GetAsync("/archive");

        Assert.True(second.IsSuccessStatusCode);
        Assert.Equal(0, site.Queries.Count);
        Assert.True(second.Headers.Age is not null || second.Headers.Contains("Age"), "a cached response carries an Age header");
    }

    [Fact]
    public async Task PublishUnpublishDelete_AreVisibleAtOnce()
    {
        var reader = site.CreateReader();
        Assert.DoesNotContain("Cache Test Post", await reader.GetStringAsync("/"));
        var (id, path) = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = await contentManager.PublishAsync(TestPosts.New(contentManager, "Cache Test Post", DateTime.UtcNow));
            return (item.ContentItemId, "/" + item.As<AutoroutePart>()!.Path);
        });

        Assert.Contains("Cache Test Post", await reader.GetStringAsync("/"));
        Assert.Contains("Cache Test Post", await reader.GetStringAsync("/rss.xml"));
        Assert.True((await reader.GetAsync(path)).IsSuccessStatusCode);

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
        Assert.DoesNotContain("Cache Test Post", await reader.GetStringAsync("/"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.PublishAsync((await contentManager.GetAsync(id, VersionOptions.Latest))!);
        });
        Assert.Contains("Cache Test Post", await reader.GetStringAsync("/"));

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().RemoveAsync(id));
        Assert.DoesNotContain("Cache Test Post", await reader.GetStringAsync("/"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task EditedPost_ShowsOnlyOncePublished()
    {
        var reader = site.CreateReader();
        var (id, path) = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = await contentManager.PublishAsync(TestPosts.New(contentManager, "Edited Post", DateTime.UtcNow));
            return (item.ContentItemId, "/" + item.As<AutoroutePart>()!.Path);
        });
        Assert.Contains("Analysis of Edited Post.", await reader.GetStringAsync(path));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var draft = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
            draft.Alter<AnalysisPart>(p => p.Markdown = "A revised analysis.");
            await contentManager.SaveDraftAsync(draft);
        });
        Assert.Contains("Analysis of Edited Post.", await reader.GetStringAsync(path));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.PublishAsync((await contentManager.GetAsync(id, VersionOptions.Latest))!);
        });
        var page = await reader.GetStringAsync(path);
        Assert.Contains("A revised analysis.", page);
        Assert.DoesNotContain("Analysis of Edited Post.", page);
    }

    [Fact]
    public async Task SettingsChange_IsVisibleAtOnce()
    {
        var reader = site.CreateReader();
        Assert.DoesNotContain("Renamed Gazette", await reader.GetStringAsync("/"));

        await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SiteName = "Renamed Gazette"));

        Assert.Contains("Renamed Gazette", await reader.GetStringAsync("/"));
        await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SiteName = "News Commentary"));
    }

    [Fact]
    public async Task PagesCachedAfterSeveralOwnChanges_OutliveTheNextPoll()
    {
        // Three changes between two polls (as a recipe makes) are this node's own: the poll after them must not
        // evict the pages cached since (it did, and a page served right after a recipe came from the database).
        for (var i = 0; i < 3; i++)
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SiteName = i % 2 == 0 ? "Polled Gazette" : "News Commentary"));
        }

        var reader = site.CreateReader();
        await reader.GetStringAsync("/archive");
        await Task.Delay(TimeSpan.FromMilliseconds(2.5 * site.ClusterPollMilliseconds));
        site.Queries.Reset();

        var again = await reader.GetAsync("/archive");

        Assert.NotNull(again.Headers.Age);
        Assert.Equal(0, site.Queries.Count);
        await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SiteName = "News Commentary"));
    }
}
