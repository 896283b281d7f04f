using System.Text.Json.Nodes;

namespace Site.Tests.Deployers;

/// <summary>recipes list | validate | apply [--dry-run] and export, on a site set up through the command line.</summary>
public sealed class CliRecipeTests(SetUpCliSite fixture) : IClassFixture<SetUpCliSite>
{
    private CliSite Site => fixture.Site;

    [Fact]
    public async Task RecipesList_ShowsHarvestedRecipes_WithSetupMark()
    {
        var run = await Site.RunAsync("recipes", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("NewsCommentary 1.0.0 [setup]: News Commentary (recipes/news-commentary.recipe.json)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Pages 1.0.0: Pages (recipes/pages.recipe.json)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipesValidate_Exits0_WhenRecipeIsValid()
    {
        var run = await Site.RunAsync("recipes", "validate", Site.WriteRecipe(TypeRecipe(NewTypeName())));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The recipe is valid.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipesValidate_Exits1_WithStepIndexAndPathOfEveryError()
    {
        var file = Site.WriteRecipe("""
            {
              "name": "Broken",
              "steps": [
                { "name": "feature", "enable": [ "Contents", "NoSuchFeature" ] },
                { "name": "settings", "PageSize": "ten" }
              ]
            }
            """);

        var run = await Site.RunAsync("recipes", "validate", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Step 0 (feature), steps[0].enable[1]: There is no feature 'NoSuchFeature'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Step 1 (settings), steps[1].PageSize:", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task RecipesApply_Exits1_WhenFileDoesNotExist()
    {
        var run = await Site.RunAsync("recipes", "apply", Path.Combine(Site.AppData, "missing.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("there is no file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipesApply_Exits1_WhenJsonIsBroken()
    {
        var run = await Site.RunAsync("recipes", "apply", Site.WriteRecipe("{ \"name\": \"Broken\",\n \"steps\": [ oops ] }"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("not valid JSON at line 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecipesApplyDryRun_ListsChangesAndWritesNothing()
    {
        var type = NewTypeName();
        var file = Site.WriteRecipe(TypeRecipe(type, withItem: true));
        var before = Site.Fingerprint();

        var run = await Site.RunAsync("recipes", "apply", file, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("nothing was written", run.Out, StringComparison.Ordinal);
        Assert.Contains($"content type created: {type}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"content item created: {type} 'Hello from the CLI' (", run.Out, StringComparison.Ordinal);
        Assert.Contains("setting: CliSettings (section)", run.Out, StringComparison.Ordinal);
        Assert.Contains("role created: Reviewer (+1 permission)", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task RecipesApply_WritesChanges_AndSecondRunChangesNothing()
    {
        var type = NewTypeName();
        var file = Site.WriteRecipe(TypeRecipe(type));

        var first = await Site.RunAsync("recipes", "apply", file);
        var second = await Site.RunAsync("recipes", "apply", file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"content type created: {type}", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("nothing needed to change", second.Out, StringComparison.Ordinal);
        var export = JsonNode.Parse((await Site.RunAsync("export")).Out)!;
        Assert.Contains(export["steps"]![3]!["ContentTypes"]!.AsArray(), t => t!["Name"]!.GetValue<string>() == type);
    }

    [Fact]
    public async Task RecipesApply_AppliesRecipeByName_WithTheFirstAdministratorAsParameter()
    {
        // The setup recipe names the administrator with parameters('AdminUserId'); applied again, it changes nothing.
        var run = await Site.RunAsync("recipes", "apply", "NewsCommentary", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Dry run: nothing would change", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesOrchardRecipe_ToFileOrStdout()
    {
        var file = Path.Combine(Site.AppData, "export.recipe.json");

        var toFile = await Site.RunAsync("export", "--out", file);
        var toStdout = await Site.RunAsync("export", "--type", "NewsCommentary");

        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        var recipe = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.False(recipe["issetuprecipe"]!.GetValue<bool>());
        Assert.Equal(["exported"], recipe["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["feature", "themes", "settings", "ContentDefinition", "Roles", "content"], recipe["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
        var data = JsonNode.Parse(toStdout.Out)!["steps"]![5]!["Data"]!.AsArray();
        Assert.NotEmpty(data);
        Assert.All(data, item => Assert.Equal("NewsCommentary", item!["ContentType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Export_Exits1_WhenTypeDoesNotExist()
    {
        var run = await Site.RunAsync("export", "--type", "NoSuchType");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("there is no content type 'NoSuchType'", run.Error, StringComparison.Ordinal);
    }

    private static string NewTypeName() => "CliType" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A recipe that defines a type and, optionally, adds an item, a settings section and a role.</summary>
    private static string TypeRecipe(string type, bool withItem = false) => $$"""
        {
          "name": "{{type}}",
          "steps": [
            {
              "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "{{type}}", "DisplayName": "{{type}}", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ]
            }
            {{(withItem ? $$"""
            ,
            { "name": "content", "Data": [ { "ContentItemId": "{{type}}", "ContentType": "{{type}}", "DisplayText": "Hello from the CLI", "TitlePart": { "Title": "Hello from the CLI" } } ] },
            { "name": "settings", "CliSettings": { "Value": 1 } },
            { "name": "Roles", "Roles": [ { "Name": "Reviewer", "Description": "Reviews", "Permissions": [ "PreviewContent" ] } ] }
            """ : "")}}
          ]
        }
        """;
}
