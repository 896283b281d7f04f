using System.Net;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>Features: stored state, dependencies on enable, refusal on disable, and 404 for a disabled feature's routes.</summary>
public sealed class FeatureTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Catalog_FindsModulesByTheirManifest()
    {
        var catalog = site.Services.GetRequiredService<ModuleCatalog>();

        Assert.Equal(
            ["Admin", "Backups", "BlogImport", "Cms", "CommentaryTheme", "Comments", "ContentApi", "Contents", "Email", "Forecasts", "GraphQLApi", "Markdown", "Media", "NewsCommentary", "PublishLater", "Recipes", "Search", "Setup", "Users"],
            catalog.Features.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.True(catalog.Find("CommentaryTheme")!.IsTheme);
        Assert.Equal(["Contents", "Markdown"], catalog.Find("NewsCommentary")!.Dependencies);
    }

    [Fact]
    public async Task Disable_IsRefusedWithReason_WhenAnotherEnabledFeatureNeedsIt()
    {
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().DisableAsync(["Markdown"]));

        // Comments (enabled by the setup recipe's member-only comments) and NewsCommentary both need it; the first is named.
        Assert.False(result.Succeeded);
        Assert.Matches("'Markdown' cannot be disabled because '(Comments|NewsCommentary)' needs it", result.Error);
        Assert.True(await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().IsEnabledAsync("Markdown")));
    }

    [Fact]
    public async Task DisabledFeature_RoutesAnswer404_AndEnablingBringsDependencies()
    {
        var reader = site.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/archive")).StatusCode);

        await site.InScopeAsync(async sp =>
        {
            var features = sp.GetRequiredService<IFeatureManager>();
            Assert.True((await features.DisableAsync(["Comments", "NewsCommentary"])).Succeeded);
            Assert.True((await features.DisableAsync(["Markdown"])).Succeeded);
        });
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/archive")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/rss.xml")).StatusCode);
            Assert.False(await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().IsEnabledAsync("NewsCommentary")));
        }
        finally
        {
            var enabled = await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["NewsCommentary"]));
            Assert.Equal(["Markdown", "NewsCommentary"], enabled.Changed.Order(StringComparer.Ordinal));
            Assert.True((await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["Comments"]))).Succeeded);
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/archive")).StatusCode);
    }

    [Fact]
    public async Task Enable_IsRefused_ForUnknownFeature()
    {
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["NoSuchFeature"]));

        Assert.False(result.Succeeded);
        Assert.Contains("NoSuchFeature", result.Error);
    }
}
