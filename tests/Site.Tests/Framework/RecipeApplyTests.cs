using Cms.Content;
using Cms.Recipes;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Framework;

/// <summary>Valid recipes applied to a set-up site: they succeed and do what their steps say.</summary>
public sealed class RecipeApplyTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ExecuteAsync_LeavesDatabaseUnchanged_WhenSetupRecipeIsAppliedAgain()
    {
        var text = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IRecipeHarvester>().Find("NewsCommentary")!.ReadText()));
        var options = await SetupParametersAsync();
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(text, options);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ExecuteAsync_EvaluatesScriptValues_WhenRecipeHasCommentsAndTrailingCommas()
    {
        const string recipe = """
            // A recipe written by hand, in Orchard's relaxed JSON.
            {
              "name": "HandWritten", // the name
              "variables": {
                "id": "[js: uuid()]",
                "fallback": "[js: configuration('Recipes:Missing', 'fallback')]",
              },
              "steps": [
                {
                  "name": "settings",
                  "HandWrittenSettings": {
                    "First": "[js: variables('id')]",
                    "Second": "[js: variables('id')]",
                    "Fallback": "[js: variables('fallback')]",
                    "Direct": "[js: configuration('Recipes:Missing', 'fallback')]",
                    "Known": "[js: configuration('Recipes:SiteName', 'fallback')]",
                  },
                },
              ],
            }
            """;

        var result = await ExecuteAsync(recipe);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var section = await site.InScopeAsync(async sp =>
            (await sp.GetRequiredService<ISiteService>().GetAsync()).Properties["HandWrittenSettings"]!.AsObject());
        var first = section["First"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9]{26}$", first);
        Assert.Equal(first, section["Second"]!.GetValue<string>());
        Assert.Equal("fallback", section["Fallback"]!.GetValue<string>());
        Assert.Equal("fallback", section["Direct"]!.GetValue<string>());
        Assert.Equal("News Commentary", section["Known"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecuteAsync_PublishesItemOfNewType_WhenRecipeDefinesTypeAndImportsItem()
    {
        const string id = "recipeapplypage0000000001";
        const string recipe = $$$"""
            {
              "name": "AboutPage",
              "steps": [
                {
                  "name": "ContentDefinition",
                  "ContentTypes": [
                    {
                      "Name": "Page",
                      "DisplayName": "Page",
                      "ContentTypePartDefinitionRecords": [
                        { "PartName": "TitlePart", "Name": "TitlePart" },
                        { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "{{ ContentItem.DisplayText | slugify }}" } } }
                      ]
                    }
                  ]
                },
                {
                  "name": "content",
                  "Data": [
                    {
                      "ContentItemId": "{{{id}}}",
                      "ContentType": "Page",
                      "DisplayText": "About This Site",
                      "TitlePart": { "Title": "About This Site" },
                      "AutoroutePart": { "Path": "about-this-site" }
                    }
                  ]
                }
              ]
            }
            """;

        var result = await ExecuteAsync(recipe);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var item = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id));
        Assert.NotNull(item);
        Assert.True(item.Published);
        Assert.Equal("Page", item.ContentType);
        var (response, document) = await Html.GetAsync(site.CreateReader(), "/about-this-site");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("About This Site", document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task ExecuteAsync_RunsNestedRecipe_WhenRecipesStepNamesIt()
    {
        const string recipe = """
            {
              "name": "Outer",
              "steps": [
                { "name": "recipes", "Values": [ { "executionid": "outer", "name": "NewsCommentary" } ] }
              ]
            }
            """;
        var options = await SetupParametersAsync();

        // Take from the site what the nested setup recipe gives back, so its steps show in the changes.
        await site.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRoleStore>().RemovePermissionsAsync("Editor", ["CloneContent"]);
            await sp.GetRequiredService<IContentManager>().RemoveAsync("4sochimeeting2020091100001");
        });
        var result = await ExecuteAsync(recipe, options);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Contains("role updated: Editor (+1 permission)", result.Changes);
        Assert.Contains("content item updated: NewsCommentary 'Sochi Meeting' (4sochimeeting2020091100001)", result.Changes);
    }

    /// <summary>A role is reported once, as it ends compared with how the recipe found it: taken away and given back is no change.</summary>
    [Fact]
    public async Task ExecuteAsync_ReportsEachRoleOnce_AsItEndsComparedWithTheStart()
    {
        const string recipe = """
            {
              "name": "BackAndForth",
              "steps": [
                { "name": "Roles", "Roles": [ { "Name": "Contributor", "Permissions": [ "EditOwnContent" ], "PermissionBehavior": "Remove" } ] },
                { "name": "Roles", "Roles": [ { "Name": "Contributor", "Permissions": [ "EditOwnContent" ], "PermissionBehavior": "Add" } ] },
                { "name": "Roles", "Roles": [ { "Name": "Author", "Permissions": [ "ListContent" ], "PermissionBehavior": "Add" } ] },
                { "name": "Roles", "Roles": [ { "Name": "Author", "Permissions": [ "PreviewContent" ], "PermissionBehavior": "Add" } ] }
              ]
            }
            """;

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, new RecipeExecutionOptions { DryRun = true }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(["role updated: Author (+2 permissions)"], result.Changes);
    }

    /// <summary>The parameters setup gave the site's recipe: the admin user's id and name.</summary>
    private Task<RecipeExecutionOptions> SetupParametersAsync() => site.InScopeAsync(async sp =>
    {
        var admin = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(SiteFactory.AdminUserName);
        Assert.NotNull(admin);
        return new RecipeExecutionOptions
        {
            Parameters = new(StringComparer.Ordinal)
            {
                ["AdminUserId"] = admin.Id,
                ["AdminUsername"] = admin.UserName!,
            },
        };
    });

    private Task<RecipeResult> ExecuteAsync(string recipe, RecipeExecutionOptions? options = null)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, options ?? new RecipeExecutionOptions()));
}
