using System.Net;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>Tags arrive by recipe as well as by editor, under the same rules.</summary>
public sealed class TagRecipeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ImportedPostWithTags_IsOnItsTagPage()
    {
        var result = await ApplyAsync(Recipe("4tagimport0000000000000001", """[ "Black Sea", " Grain ", "black sea" ]"""));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var (response, page) = await Html.GetAsync(site.CreateReader(), "/tags/black-sea");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Imported With Tags"], TaggedPosts.Titles(page));
        var (_, post) = await Html.GetAsync(site.CreateReader(), "/2024/09/01/imported-with-tags");
        Assert.Equal(["Black Sea", "Grain"], post.QuerySelectorAll("article.post-detail a[rel=tag]").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task RecipeWithBadTags_IsRefusedWithTheTagNamed_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ApplyAsync(Recipe("4tagimport0000000000000002", """[ "Fine", "", "%%%" ]"""));

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("steps[0].Data[0].TagsPart.Tags: Tag 2 is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("steps[0].Data[0].TagsPart.Tags: The tag '%%%' needs at least one letter or digit", StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<RecipeResult> ApplyAsync(string recipe)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

    private static string Recipe(string id, string tags) => $$"""
        {
          "name": "TaggedImport",
          "steps": [
            {
              "name": "content",
              "Data": [
                {
                  "ContentItemId": "{{id}}",
                  "ContentType": "NewsCommentary",
                  "DisplayText": "Imported With Tags",
                  "Latest": true,
                  "Published": true,
                  "PublishedUtc": "2024-09-01T10:00:00Z",
                  "TitlePart": { "Title": "Imported With Tags" },
                  "AutoroutePart": { "Path": "2024/09/01/imported-with-tags" },
                  "QuotePart": { "Headline": "Grain corridor", "Text": "Ships left the port.", "Attribution": "The Test Gazette" },
                  "AnalysisPart": { "Markdown": "A small step." },
                  "SourceLinkPart": { "Url": "https://news.example.org/grain", "Title": "Grain corridor", "Publication": "The Test Gazette" },
                  "TagsPart": { "Tags": {{tags}} }
                }
              ]
            }
          ]
        }
        """;
}
