using System.Text.Json;
using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using static Site.Tests.Infrastructure.RenderingSite;

namespace Site.Tests.Integration;

/// <summary>
/// Issue 12 point 1: a post page's metadata (description, tags, JSON-LD) is built once per published version and kept
/// under the public-pages signal's version; a new version, unpublishing or a settings change shows on the next page
/// the output cache misses. The site varies its output cache by <c>nocache</c>, as the bench's sites do, so each
/// request below builds its page.
/// </summary>
public sealed class KeptPageMetadataTests : IDisposable
{
    private readonly SiteFactory _site = new RenderingSite();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task MetadataIsBuiltOncePerVersion_AndANewVersionShowsOnTheNextMiss()
    {
        var (id, path) = await PublishAsync("Kept Metadata", "The first analysis.");
        var reader = _site.CreateReader();
        Assert.Equal("The first analysis.", await DescriptionAsync(reader, path));

        var kept = await KeptForAsync(id);
        Assert.NotNull(kept);
        Assert.Equal("The first analysis.", await DescriptionAsync(reader, path));
        Assert.Same(kept, await KeptForAsync(id)); // the second miss built none

        await _site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = (await contentManager.GetAsync(id))!;
            item.Alter<AnalysisPart>(p => p.Markdown = "The second analysis.");
            item.Alter<TitlePart>(p => p.Title = "Kept Metadata Renamed");
            item.DisplayText = "Kept Metadata Renamed";
            await contentManager.PublishAsync(item);
        });

        var (_, page) = await Html.GetAsync(reader, Fresh(path));
        Assert.Equal("The second analysis.", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Kept Metadata Renamed", json.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task ASettingsChange_ShowsInTheKeptMetadataOnTheNextMiss()
    {
        var (_, path) = await PublishAsync("Kept Site Name", "Any analysis.");
        var reader = _site.CreateReader();
        var before = await _site.InScopeAsync(async sp => (await sp.GetRequiredService<ISiteService>().GetAsync()).SiteName);
        Assert.Equal(before, await SiteNameAsync(reader, path));

        await _site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.SiteName = "Renamed Kept Gazette"));

        Assert.Equal("Renamed Kept Gazette", await SiteNameAsync(reader, path));
    }

    [Fact]
    public async Task AnUnpublishedPost_IsNotServedFromTheKeptMetadata()
    {
        var (id, path) = await PublishAsync("Kept Then Gone", "Soon gone.");
        var reader = _site.CreateReader();
        Assert.Equal("Soon gone.", await DescriptionAsync(reader, path));

        await _site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));

        var response = await reader.GetAsync(Fresh(path));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<PageMetadata?> KeptForAsync(string contentItemId) => _site.InScopeAsync(async sp =>
    {
        var item = (await sp.GetRequiredService<IContentManager>().GetAsync(contentItemId))!;
        var version = await sp.GetRequiredService<PublicContentVersion>().GetAsync();
        return sp.GetRequiredService<PublicContentCache<PageMetadata>>().TryGet(version, item.ContentItemVersionId, out var kept) ? kept : null;
    });

    private Task<(string Id, string Path)> PublishAsync(string title, string analysis) => _site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(contentManager, title, new DateTime(2031, 5, 1, 9, 0, 0, DateTimeKind.Utc));
        item.Alter<AnalysisPart>(p => p.Markdown = analysis);
        var stored = await contentManager.PublishAsync(item);
        return (stored.ContentItemId, "/" + stored.As<AutoroutePart>()!.Path);
    });

    private static async Task<string?> DescriptionAsync(HttpClient reader, string path)
        => (await Html.GetAsync(reader, Fresh(path))).Document.QuerySelector("meta[property='og:description']")?.GetAttribute("content");

    private static async Task<string?> SiteNameAsync(HttpClient reader, string path)
        => (await Html.GetAsync(reader, Fresh(path))).Document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content");
}
