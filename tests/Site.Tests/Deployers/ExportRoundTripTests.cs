using System.Text.Json;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Security;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>
/// Site A's export applied to a fresh site B makes B equal to A. Equality is judged on what the
/// export carries: enabled features, content definitions, roles with their permissions, every site
/// setting (SiteName included), and the JSON of every live version (Latest or Published) by its
/// ContentItemVersionId. Users are not exported: each site keeps its own administrator. B's own
/// setup made the seed post with the same ids as A's, so A's version replaces it.
/// </summary>
public sealed class ExportRoundTripTests
{
    [Fact]
    public async Task Export_AppliedToFreshSite_MakesItEqualToTheExportedSite()
    {
        using var a = new SiteFactory();
        using var b = new SiteFactory();
        _ = a.Server;
        _ = b.Server;
        await AddContentAsync(a);

        var export = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
        var result = await b.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(await SnapshotAsync(a), await SnapshotAsync(b));
        var versions = await LiveVersionsAsync(b);
        Assert.Equal(await LiveVersionsAsync(a), versions);
        Assert.Contains(versions.Values, v => v.Contains("\"Title\":\"Round trip, edited\"", StringComparison.Ordinal) && v.Contains("\"Published\":false", StringComparison.Ordinal));
        Assert.Contains(versions.Values, v => v.Contains("\"ContentType\":\"Page\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_AppliedToTheSameSite_ChangesNothing()
    {
        using var a = new SiteFactory();
        _ = a.Server;
        await AddContentAsync(a);
        var export = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
        var before = await DatabaseFingerprint.TakeAsync(a);

        var result = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Empty(result.Changes);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(a));
    }

    /// <summary>A second type with an item, a post with a published version and a draft over it, a role and settings changed.</summary>
    private static async Task AddContentAsync(SiteFactory site)
    {
        await site.InScopeAsync(async sp =>
        {
            var recipe = sp.GetRequiredService<IRecipeHarvester>().Find("Pages")!.ReadText();
            var pages = await sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe);
            Assert.True(pages.Succeeded, string.Join(" ", pages.Errors));
            await sp.GetRequiredService<ISiteService>().UpdateAsync(s =>
            {
                s.SiteName = "Site A";
                s.PageSize = 7;
                s.Properties["CommentSettings"]!["Moderation"] = "All";
            });
            await sp.GetRequiredService<IRoleStore>().AddPermissionsAsync("Member", ["PreviewContent"], "Members of the blog");

            var contentManager = sp.GetRequiredService<IContentManager>();
            var page = contentManager.New("Page");
            page.Alter<TitlePart>(p => p.Title = "About");
            page.Alter<AutoroutePart>(p => p.Path = "about");
            page.Alter<global::Modules.Markdown.Models.MarkdownBodyPart>(p => p.Markdown = "We *comment* on the news.");
            await contentManager.PublishAsync(page);

            var post = await contentManager.PublishAsync(TestPosts.New(contentManager, "Round trip", new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc)));
            var draft = (await contentManager.GetAsync(post.ContentItemId, VersionOptions.Latest))!;
            draft.Alter<TitlePart>(p => p.Title = "Round trip, edited");
            await contentManager.SaveDraftAsync(draft);
        });
    }

    /// <summary>Features, definitions, roles and settings, as JSON.</summary>
    private static Task<string> SnapshotAsync(SiteFactory site) => site.InScopeAsync(async sp => JsonSerializer.Serialize(new
    {
        Features = (await sp.GetRequiredService<IFeatureManager>().GetEnabledAsync()).Order(StringComparer.Ordinal),
        Types = await sp.GetRequiredService<IContentDefinitionManager>().ListTypesAsync(),
        Parts = await sp.GetRequiredService<IContentDefinitionManager>().ListPartsAsync(),
        Roles = await sp.GetRequiredService<IRoleStore>().ListAsync(),
        Settings = await sp.GetRequiredService<ISiteService>().GetAsync(),
    }, ContentJson.Options));

    private static Task<Dictionary<string, string>> LiveVersionsAsync(SiteFactory site) => site.InScopeAsync(async sp =>
    {
        var content = sp.GetRequiredService<IContentManager>();
        return (await content.ListAsync(content.Query().Where(r => r.Latest || r.Published)))
            .ToDictionary(i => i.ContentItemVersionId, i => i.ToJsonString());
    });
}
