using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>
/// Recipes written in Orchard Core's documented format apply unchanged when they use only steps,
/// parts and features this site has; one that uses others is refused, naming every one of them.
/// </summary>
public sealed class OrchardCompatibilityTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("OrchardCore.Contents", "Contents")]
    [InlineData("OrchardCore.Title", "Contents")]
    [InlineData("OrchardCore.Autoroute", "Contents")]
    [InlineData("OrchardCore.Markdown", "Markdown")]
    [InlineData("OrchardCore.Recipes", "Recipes")]
    [InlineData("TheAdmin", "Admin")]
    public void FeatureAliases_MapOrchardIds_ToThisSitesFeatures(string orchardId, string featureId)
    {
        var catalog = site.Services.GetRequiredService<ModuleCatalog>();

        Assert.Equal(featureId, OrchardFeatureAliases.Resolve(catalog, orchardId)?.Id);
    }

    [Fact]
    public async Task OrchardRecipe_AppliesUnchanged_WithTitleAutorouteAndMarkdownBody()
    {
        // As Orchard's blog recipes write it: Orchard feature ids, TheAdmin, lowercase "data", the nested settings form.
        const string recipe = """
            {
              "name": "OrchardArticles",
              "displayName": "Articles",
              "description": "An Orchard Core recipe",
              "author": "The Orchard Core Team",
              "website": "https://orchardcore.net",
              "version": "1.0.0",
              "issetuprecipe": false,
              "categories": [ "content" ],
              "tags": [ "articles" ],
              "variables": { "articleId": "[js:uuid()]" },
              "steps": [
                {
                  "name": "feature",
                  "disable": [],
                  "enable": [ "OrchardCore.Contents", "OrchardCore.Title", "OrchardCore.Autoroute", "OrchardCore.Markdown", "OrchardCore.Admin", "TheAdmin" ]
                },
                { "name": "themes", "admin": "TheAdmin", "site": "CommentaryTheme" },
                {
                  "name": "ContentDefinition",
                  "ContentTypes": [
                    {
                      "Name": "Article",
                      "DisplayName": "Article",
                      "Settings": {
                        "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true, "Securable": true },
                        "FullTextAspectSettings": {}
                      },
                      "ContentTypePartDefinitionRecords": [
                        { "PartName": "Article", "Name": "Article", "Settings": { "ContentTypePartSettings": { "Position": "3" } } },
                        { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                        {
                          "PartName": "AutoroutePart", "Name": "AutoroutePart",
                          "Settings": {
                            "ContentTypePartSettings": { "Position": "1" },
                            "AutoroutePartSettings": { "AllowCustomPath": true, "Pattern": "{{ ContentItem.DisplayText | slugify }}", "ShowHomepageOption": false }
                          }
                        },
                        {
                          "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart",
                          "Settings": { "ContentTypePartSettings": { "Position": "2", "Editor": "Wysiwyg" } }
                        }
                      ]
                    }
                  ],
                  "ContentParts": [
                    {
                      "Name": "Article",
                      "Settings": {},
                      "ContentPartFieldDefinitionRecords": [
                        { "FieldName": "TextField", "Name": "Subtitle", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Subtitle", "Position": "0" } } }
                      ]
                    }
                  ]
                },
                {
                  "name": "content",
                  "data": [
                    {
                      "ContentItemId": "[js: variables('articleId')]",
                      "ContentItemVersionId": "[js:uuid()]",
                      "ContentType": "Article",
                      "DisplayText": "Orchard Article",
                      "Latest": true,
                      "Published": true,
                      "ModifiedUtc": "2020-09-11T08:00:00Z",
                      "PublishedUtc": "2020-09-11T08:00:00Z",
                      "CreatedUtc": "2020-09-11T08:00:00Z",
                      "Owner": "admin-id",
                      "Author": "admin",
                      "Article": { "Subtitle": { "Text": "A subtitle" } },
                      "TitlePart": { "Title": "Orchard Article" },
                      "AutoroutePart": { "Path": "orchard-article", "SetHomepage": false, "Disabled": false, "RouteContainedItems": false, "Absolute": false },
                      "MarkdownBodyPart": { "Markdown": "# Heading\n\nSome **bold** text.\n\n<script>alert(1)</script>" }
                    }
                  ]
                }
              ]
            }
            """;

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/orchard-article");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Orchard Article", page.QuerySelector("h1")?.TextContent.Trim());
        var body = page.QuerySelector("section.body")!;
        Assert.Equal("Heading", body.QuerySelector("h2")?.TextContent);
        Assert.Equal("bold", body.QuerySelector("strong")?.TextContent);
        Assert.Null(page.QuerySelector("section.body script"));
        var type = await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("Article"));
        Assert.True(type!.GetSettings().Securable);
        Assert.Equal(["TitlePart", "AutoroutePart", "MarkdownBodyPart", "Article"], type.OrderedParts().Select(p => p.Name));
    }

    [Fact]
    public async Task OrchardRecipe_ReadsFlatSettingsForm_WithTrueStringsAndPosition()
    {
        const string recipe = """
            {
              "name": "FlatSettings",
              "steps": [
                {
                  "name": "ContentDefinition",
                  "ContentTypes": [
                    {
                      "Name": "FlatNote",
                      "DisplayName": "Flat Note",
                      "Hidden": false,
                      "Settings": { "Creatable": "True", "Listable": "True", "Draftable": "True", "Versionable": "False", "Securable": "True" },
                      "ContentTypePartDefinitionRecords": [
                        { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "Position": "5" } },
                        { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart", "Settings": { "Position": "1" } },
                        { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "Position": "3" } }
                      ]
                    }
                  ]
                },
                {
                  "name": "Roles",
                  "Roles": [ { "Name": "FlatEditor", "Description": "Edits flat notes", "Permissions": [ "Publish_FlatNote" ] } ]
                }
              ]
            }
            """;

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var type = await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("FlatNote"));
        Assert.Equal(new ContentTypeSettings(Creatable: true, Listable: true, Draftable: true, Versionable: false, Securable: true), type!.GetSettings());
        Assert.Equal(["MarkdownBodyPart", "AutoroutePart", "TitlePart"], type.OrderedParts().Select(p => p.Name));
        Assert.Contains("role created: FlatEditor (+1 permission)", result.Changes);
    }

    [Fact]
    public async Task OrchardRecipe_IsRefusedNamingEveryUnsupportedStepFeatureAndPart_AndNothingIsWritten()
    {
        const string recipe = """
            {
              "name": "TheBlog",
              "steps": [
                { "name": "feature", "enable": [ "OrchardCore.Contents", "OrchardCore.Lucene", "OrchardCore.Media", "OrchardCore.Markdown" ] },
                { "name": "themes", "site": "TheBlogTheme", "admin": "TheAdmin" },
                {
                  "name": "ContentDefinition",
                  "ContentTypes": [
                    {
                      "Name": "BlogPost",
                      "ContentTypePartDefinitionRecords": [
                        { "PartName": "TitlePart", "Name": "TitlePart" },
                        { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" },
                        { "PartName": "ContainedPart", "Name": "ContainedPart" }
                      ]
                    }
                  ],
                  "ContentParts": [
                    { "Name": "BlogPost", "ContentPartFieldDefinitionRecords": [ { "FieldName": "MediaField", "Name": "Image" } ] }
                  ]
                },
                { "name": "media", "Files": [] },
                { "name": "layers", "Layers": [] },
                { "name": "lucene-index", "Indices": [] },
                {
                  "name": "content",
                  "data": [
                    { "ContentItemId": "orchardblogpost0000000001", "ContentType": "BlogPost", "TitlePart": { "Title": "Hi" }, "HtmlBodyPart": { "Html": "<p>Hi</p>" } }
                  ]
                }
              ]
            }
            """;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

        Assert.False(result.Succeeded);
        var errors = string.Join("\n", result.Errors);
        foreach (var name in new[] { "OrchardCore.Lucene", "OrchardCore.Media", "TheBlogTheme", "HtmlBodyPart", "ContainedPart", "MediaField", "'media'", "'layers'", "'lucene-index'" })
        {
            Assert.Contains(name, errors, StringComparison.Ordinal);
        }

        Assert.Contains(result.Errors, e => e.StepIndex == 6 && e.Path == "steps[6].data[0].HtmlBodyPart");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
