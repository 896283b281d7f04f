using Cms.Recipes;

namespace Cms.Tests.Recipes;

/// <summary>Recipe text in Orchard's format is parsed, or refused with an error at the file's root naming what is wrong.</summary>
public sealed class RecipeReaderTests
{
    [Fact]
    public void Parse_RefusesTextThatIsNotJson_NamingTheLine()
    {
        var (recipe, error) = RecipeReader.Parse("{ \"name\": \"Broken\",\n  \"steps\": [ oops ] }");

        Assert.Null(recipe);
        Assert.NotNull(error);
        Assert.Null(error.StepIndex);
        Assert.Equal("$", error.Path);
        Assert.Contains("not valid JSON at line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "name": "feature" } ]""")]
    [InlineData("42")]
    [InlineData("\"steps\"")]
    public void Parse_RefusesJsonThatIsNotAnObject(string text)
    {
        var (recipe, error) = RecipeReader.Parse(text);

        Assert.Null(recipe);
        Assert.Equal("$", error?.Path);
        Assert.Contains("must be a JSON object", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AcceptsCommentsAndTrailingCommas_AsOrchardDoes()
    {
        var (recipe, error) = RecipeReader.Parse("""
            {
              // Orchard's recipes carry comments
              "name": "Commented",
              "steps": [ { "name": "feature", "enable": [ "Contents", ], }, ],
            }
            """);

        Assert.Null(error);
        Assert.Equal("Commented", (string?)recipe?["name"]);
        Assert.Single(recipe!["steps"]!.AsArray());
    }

    [Fact]
    public void ReadHeader_ReadsOrchardsHeaderFields_AndFallsBackToTheNameForDisplay()
    {
        var (recipe, _) = RecipeReader.Parse("""
            { "name": "Blog", "description": "A blog", "author": "Team", "version": "1.0",
              "issetuprecipe": true, "categories": [ "default" ], "tags": [ "hidden", 3 ], "steps": [] }
            """);

        var header = RecipeReader.ReadHeader(recipe!, "recipes/blog.recipe.json", () => "text");

        Assert.Equal("Blog", header.Name);
        Assert.Equal("Blog", header.DisplayName);
        Assert.Equal("A blog", header.Description);
        Assert.True(header.IsSetupRecipe);
        Assert.True(header.IsDefault);
        Assert.True(header.IsHidden);
        Assert.Equal(["hidden"], header.Tags);
        Assert.Equal("text", header.ReadText());
    }

    [Fact]
    public void ReadHeader_LeavesFieldsOfTheWrongTypeEmpty()
    {
        var (recipe, _) = RecipeReader.Parse("""{ "name": 7, "issetuprecipe": "yes", "categories": "default", "steps": [] }""");

        var header = RecipeReader.ReadHeader(recipe!, "module X", () => "");

        Assert.Equal("", header.Name);
        Assert.False(header.IsSetupRecipe);
        Assert.Empty(header.Categories);
    }
}
