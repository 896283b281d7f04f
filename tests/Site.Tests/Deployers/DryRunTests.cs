using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Recipes;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>
/// A dry run applies the recipe inside its transaction, reports what changed and rolls back: the
/// database, the document cache and the output cache are as they were.
/// </summary>
public sealed class DryRunTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Recipe = """
        {
          "name": "DryRun",
          "steps": [
            { "name": "settings", "SiteName": "Dry Run Name", "PageSize": 3, "DryRunSettings": { "On": true } },
            {
              "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "DryNote", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ]
            },
            { "name": "content", "Data": [ { "ContentItemId": "drynote000000000000000001", "ContentType": "DryNote", "TitlePart": { "Title": "Dry Note" } } ] },
            { "name": "Roles", "Roles": [ { "Name": "Member", "Permissions": [ "ViewContent", "PreviewContent", "ListContent" ], "PermissionBehavior": "Add" } ] }
          ]
        }
        """;

    [Fact]
    public async Task DryRun_ReportsEveryChange_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(Recipe, dryRun: true);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(
            [
                "setting: SiteName = \"Dry Run Name\"",
                "setting: PageSize = 3",
                "setting: DryRunSettings (section)",
                "content type created: DryNote",
                "content item created: DryNote 'Dry Note' (drynote000000000000000001)",
                "role updated: Member (+2 permissions)",
            ],
            result.Changes);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task DryRun_LeavesDocumentAndOutputCachesAlone()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/");

        await ExecuteAsync(Recipe, dryRun: true);
        site.Queries.Reset();
        var page = await reader.GetStringAsync("/");

        // Served from the output cache: the dry run evicted nothing.
        Assert.Equal(0, site.Queries.Count);
        Assert.DoesNotContain("Dry Run Name", page, StringComparison.Ordinal);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        Assert.NotEqual("Dry Run Name", settings.SiteName);
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("DryNote")));
    }

    [Fact]
    public async Task DryRun_ReturnsErrors_WhenRecipeIsInvalid()
    {
        var result = await ExecuteAsync("""{ "name": "Bad", "steps": [ { "name": "settings", "PageSize": "ten" } ] }""", dryRun: true);

        Assert.False(result.Succeeded);
        Assert.Equal("steps[0].PageSize", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task DryRun_IsRefused_InsideAnotherTransaction()
    {
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var executor = sp.GetRequiredService<IRecipeExecutor>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(
                () => executor.ExecuteAsync(Recipe, new RecipeExecutionOptions { DryRun = true })));
        });
    }

    private Task<RecipeResult> ExecuteAsync(string recipe, bool dryRun)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, new RecipeExecutionOptions { DryRun = dryRun }));
}
