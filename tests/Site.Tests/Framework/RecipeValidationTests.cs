using System.Text.Json.Nodes;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Framework;

/// <summary>
/// Malformed recipes applied to a set-up site: each is refused with an error at the right step and
/// path, and nothing at all is written.
/// </summary>
public sealed class RecipeValidationTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPostId = "recipetestpost00000000001";

    public static TheoryData<string, string, int?, string, string> MalformedRecipes => new()
    {
        {
            "text that is not JSON",
            "{ \"name\": \"Broken\",\n  \"steps\": [ oops ] }",
            null, "$", "line 2"
        },
        {
            "a JSON array instead of an object",
            """[ { "name": "feature" } ]""",
            null, "$", "must be a JSON object"
        },
        {
            "no steps",
            """{ "name": "Broken" }""",
            null, "steps", "'steps' array"
        },
        {
            "a step that is not an object",
            Recipe("42"),
            0, "steps[0]", "must be an object"
        },
        {
            "a step without a name",
            Recipe("""{ "enable": [ "Contents" ] }"""),
            0, "steps[0].name", "needs a 'name'"
        },
        {
            "an unknown step name",
            Recipe("""{ "name": "frobnicate" }"""),
            0, "steps[0].name", "no recipe step named 'frobnicate'"
        },
        {
            "an Orchard-only step",
            Recipe("""{ "name": "media", "Files": [] }"""),
            0, "steps[0].name", "Orchard Core step that this site does not support"
        },
        {
            "a feature step enabling an unknown feature",
            Recipe("""{ "name": "feature", "enable": [ "Contents" ] }""", """{ "name": "feature", "enable": [ "NoSuchFeature" ] }"""),
            1, "steps[1].enable[0]", "no feature 'NoSuchFeature'"
        },
        {
            "a feature step disabling Markdown while Comments and NewsCommentary need it",
            Recipe("""{ "name": "feature", "disable": [ "Markdown" ] }"""),
            0, "steps[0].disable[0]", "'Markdown' cannot be disabled because"
        },
        {
            "a themes step with an unknown theme",
            Recipe("""{ "name": "themes", "site": "NoSuchTheme", "admin": "" }"""),
            0, "steps[0].site", "no theme 'NoSuchTheme'"
        },
        {
            "a settings step with PageSize of the wrong type",
            Recipe("""{ "name": "settings", "PageSize": "ten" }"""),
            0, "steps[0].PageSize", "whole number"
        },
        {
            "a settings step with an unknown scalar key",
            Recipe("""{ "name": "settings", "Frobnication": 3 }"""),
            0, "steps[0].Frobnication", "not a site setting"
        },
        {
            "a settings step with an unknown time zone",
            Recipe("""{ "name": "settings", "TimeZoneId": "Mars/Olympus" }"""),
            0, "steps[0].TimeZoneId", "'Mars/Olympus' is not a time zone"
        },
        {
            "a content definition with an unknown part",
            Recipe("""
                {
                  "name": "ContentDefinition",
                  "ContentTypes": [
                    { "Name": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "NoSuchPart", "Name": "NoSuchPart" } ] }
                  ]
                }
                """),
            0, "steps[0].ContentTypes[0].ContentTypePartDefinitionRecords[1].PartName", "no part 'NoSuchPart'"
        },
        {
            "a content definition with an unsupported field type",
            Recipe("""
                {
                  "name": "ContentDefinition",
                  "ContentParts": [
                    { "Name": "ExtraPart", "ContentPartFieldDefinitionRecords": [ { "FieldName": "NumericField", "Name": "Rating" } ] }
                  ]
                }
                """),
            0, "steps[0].ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName", "Field type 'NumericField' is not supported"
        },
        {
            "a content item of an unknown type",
            Recipe(Post(p => p["ContentType"] = "NoSuchType")),
            0, "steps[0].Data[0].ContentType", "no content type 'NoSuchType'"
        },
        {
            "a content item whose source link is a javascript: URL",
            Recipe(Post(p => p["SourceLinkPart"]!["Url"] = "javascript:alert(1)")),
            0, "steps[0].Data[0].SourceLinkPart.Url", "source URL must be an absolute http"
        },
        {
            "a content item with a date that is not a date",
            Recipe(Post(p => p["PublishedUtc"] = "2020-13-45T00:00:00Z")),
            0, "steps[0].Data[0].PublishedUtc", "ISO 8601"
        },
        {
            "a content item whose quoted passage is a number",
            Recipe(Post(p => p["QuotePart"]!["Text"] = 42)),
            0, "steps[0].Data[0].QuotePart.Text", "'QuotePart' has the wrong type"
        },
        {
            "a content item whose quoted passage is an object",
            Recipe(Post(p => p["QuotePart"]!["Text"] = new JsonObject { ["en"] = "Quoted." })),
            0, "steps[0].Data[0].QuotePart.Text", "'QuotePart' has the wrong type"
        },
        {
            "a roles step with an unknown permission",
            Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Reviewer", "Permissions": [ "ViewContent", "LaunchRockets" ] } ] }"""),
            0, "steps[0].Roles[0].Permissions[1]", "no permission 'LaunchRockets'"
        },
        {
            "a roles step with an unknown permission behavior",
            Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Reviewer", "Permissions": [], "PermissionBehavior": "Merge" } ] }"""),
            0, "steps[0].Roles[0].PermissionBehavior", "'Merge' is not a permission behavior"
        },
        {
            "a script value that would run code",
            Recipe("""{ "name": "settings", "SiteDescription": "[js: alert(1)]" }"""),
            0, "steps[0].SiteDescription", "is not a script value this site evaluates"
        },
        {
            "a parameter that was not given",
            Recipe("""{ "name": "settings", "SiteDescription": "[js: parameters('Missing')]" }"""),
            0, "steps[0].SiteDescription", "parameter 'Missing', which was not given"
        },
        {
            "a variable the recipe does not have",
            Recipe("""{ "name": "settings", "SiteDescription": "[js: variables('nope')]" }"""),
            0, "steps[0].SiteDescription", "no variable 'nope'"
        },
        {
            "a recipes step naming a recipe that does not exist",
            Recipe("""{ "name": "recipes", "Values": [ { "executionid": "x", "name": "NoSuchRecipe" } ] }"""),
            0, "steps[0].Values[0].name", "no recipe named 'NoSuchRecipe'"
        },
        {
            "a nested recipe that needs parameters it was not given",
            Recipe("""{ "name": "settings", "PageSize": 10 }""", """{ "name": "recipes", "Values": [ { "name": "NewsCommentary" } ] }"""),
            1, "steps[1].Values[0].steps[5].Data[0].Owner", "parameter 'AdminUserId', which was not given"
        },
    };

    [Theory]
    [MemberData(nameof(MalformedRecipes))]
    public async Task ExecuteAsync_ReportsErrorAndWritesNothing_WhenRecipeIsMalformed(string @case, string recipe, int? stepIndex, string path, string fragment)
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(recipe);

        Assert.False(result.Succeeded, $"{@case}: the recipe was applied.");
        var error = result.Errors[0];
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
        Assert.Equal(stepIndex, error.StepIndex);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ExecuteAsync_WritesNothingFromValidSteps_WhenALaterStepIsInvalid()
    {
        string[] validSteps =
        [
            """{ "name": "settings", "SiteDescription": "Changed by a broken recipe." }""",
            """{ "name": "Roles", "Roles": [ { "Name": "Reviewer", "Description": "Reads", "Permissions": [ "ViewContent" ] } ] }""",
            Post(),
        ];
        var invalidStep = Post(p =>
        {
            p["ContentItemId"] = "recipetestpost00000000002";
            p["ContentType"] = "NoSuchType";
        });
        var validation = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ValidateAsync(Recipe(validSteps)));
        Assert.True(validation.Succeeded, string.Join(" ", validation.Errors));
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(Recipe([.. validSteps, invalidStep]));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.StepIndex);
        Assert.Equal("steps[3].Data[0].ContentType", error.Path);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ExecuteAsync_ReportsEveryError_WhenTwoStepsAreInvalid()
    {
        var recipe = Recipe(
            """{ "name": "settings", "PageSize": "ten" }""",
            """{ "name": "feature", "enable": [ "Contents" ] }""",
            """{ "name": "themes", "site": "NoSuchTheme" }""");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await ExecuteAsync(recipe);

        Assert.Collection(
            result.Errors,
            e =>
            {
                Assert.Equal(0, e.StepIndex);
                Assert.Equal("steps[0].PageSize", e.Path);
            },
            e =>
            {
                Assert.Equal(2, e.StepIndex);
                Assert.Equal("steps[2].site", e.Path);
            });
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<RecipeResult> ExecuteAsync(string recipe)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, new RecipeExecutionOptions()));

    private static string Recipe(params string[] steps) => $$"""{ "name": "Broken", "steps": [ {{string.Join(", ", steps)}} ] }""";

    /// <summary>A content step with one valid News Commentary item, changed by <paramref name="change"/>.</summary>
    private static string Post(Action<JsonObject>? change = null)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = NewPostId,
            ["ContentType"] = "NewsCommentary",
            ["DisplayText"] = "Recipe Test",
            ["PublishedUtc"] = "2021-03-01T12:00:00Z",
            ["TitlePart"] = new JsonObject { ["Title"] = "Recipe Test" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "2021/03/01/recipe-test" },
            ["QuotePart"] = new JsonObject { ["Headline"] = "A headline", ["Text"] = "Quoted.", ["Attribution"] = "The Test Gazette" },
            ["AnalysisPart"] = new JsonObject { ["Markdown"] = "Analysis." },
            ["SourceLinkPart"] = new JsonObject { ["Url"] = "https://news.example.org/a", ["Title"] = "A headline", ["Publication"] = "The Test Gazette" },
        };
        change?.Invoke(item);
        return new JsonObject { ["name"] = "content", ["Data"] = new JsonArray(item) }.ToJsonString();
    }
}
