using System.Text.Json.Nodes;
using Cms.Recipes;

namespace Cms.Tests.Recipes;

/// <summary>
/// A content step's items stay in the recipe's text until they are reached (issue 12: a 10,000-post recipe parsed
/// whole held ten times its size): the step holds them as <see cref="RecipeItems"/>, each parsed when asked for.
/// </summary>
public sealed class RecipeItemsTests
{
    private const string Recipe = """
        {
          "name": "Posts",
          "steps": [
            { "name": "feature", "enable": [ "Contents" ] },
            { "Data": [ { "ContentItemId": "one", /* a comment */ "TitlePart": { "Title": "One" } },
                        { "ContentItemId": "two", "TitlePart": { "Title": "Two \u00e9" } }, ],
              "name": "content" },
            { "name": "Redirects", "Data": [ { "From": "/a" } ] },
          ],
        }
        """;

    [Fact]
    public void ContentStepItems_AreReadOneAtATime_FromTheText()
    {
        var (recipe, error) = RecipeReader.Parse(Recipe);

        Assert.Null(error);
        var data = recipe!["steps"]![1]!["Data"];
        Assert.IsAssignableFrom<JsonValue>(data);
        var items = RecipeItems.Of(data)!;
        Assert.Equal(2, items.Count);
        Assert.Equal("Two é", (string?)items.Parse(1)!["TitlePart"]!["Title"]);

        // Each read is a fresh parse: changing one does not change the next.
        items.Parse(0)!["ContentItemId"] = "changed";
        Assert.Equal("one", (string?)items.Parse(0)!["ContentItemId"]);
    }

    [Fact]
    public void ItemsWrittenOut_AreTheArrayTheyWere_AndOtherStepsKeepAnArray()
    {
        var (recipe, _) = RecipeReader.Parse(Recipe);

        var expected = """[{"ContentItemId":"one","TitlePart":{"Title":"One"}},{"ContentItemId":"two","TitlePart":{"Title":"Two \u00E9"}}]""";
        Assert.Equal(expected, recipe!["steps"]![1]!["Data"]!.ToJsonString());
        Assert.IsType<JsonArray>(recipe["steps"]![2]!["Data"]);
        Assert.Equal("/a", (string?)recipe["steps"]![2]!["Data"]![0]!["From"]);
    }

    [Fact]
    public void AnArray_IsReadAsItems_Too()
    {
        var items = RecipeItems.Of(new JsonArray(new JsonObject { ["ContentItemId"] = "x" }, 7))!;

        Assert.Equal(2, items.Count);
        Assert.Equal("x", (string?)items.Parse(0)!["ContentItemId"]);
        Assert.Equal(7, (int)items.Parse(1)!);
        Assert.Null(RecipeItems.Of(JsonValue.Create("text")));
    }

    [Fact]
    public void ScriptValuesInItems_AreEvaluatedOnce_SoEveryPassSeesTheSameValue()
    {
        var text = """{ "name": "R", "steps": [ { "name": "content", "Data": [ { "ContentItemId": "[js: uuid()]", "Owner": "[js: parameters('AdminUserId')]" }, { "ContentItemId": "plain" } ] } ] }""";
        var (recipe, _) = RecipeReader.Parse(text);
        var items = RecipeItems.Of(recipe!["steps"]![0]!["Data"])!;

        Assert.True(items.MayNeedPreparing(0));
        Assert.False(items.MayNeedPreparing(1));
        var evaluator = new ScriptValueEvaluator(null, new Dictionary<string, string> { ["AdminUserId"] = "admin1" }, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var errors = new List<(string Path, string Message)>();
        items.Keep(0, evaluator.EvaluateValue(items.Parse(0), "steps[0].Data[0]", errors));

        Assert.Empty(errors);
        var id = (string?)items.Parse(0)!["ContentItemId"];
        Assert.Equal(26, id!.Length);
        Assert.Equal(id, (string?)items.Parse(0)!["ContentItemId"]);
        Assert.Equal("admin1", (string?)items.Parse(0)!["Owner"]);
    }

    [Theory]
    [InlineData("""{ "T": "a\u0001b" }""", true)]
    [InlineData("""{ "T": "a\bb" }""", true)]
    [InlineData("""{ "T": "a\fb" }""", true)]
    [InlineData("""{ "T": "[file: x]" }""", true)]
    [InlineData("""{ "T": "line\nline \"quoted\" back\\slash \\u not an escape" }""", false)]
    [InlineData("""{ "T": "\uFFFE" }""", true)]
    public void AnItemIsParsedByThePreparer_OnlyWhenItsTextMayNeedIt(string item, bool parsed)
    {
        var (recipe, _) = RecipeReader.Parse($$"""{ "name": "R", "steps": [ { "name": "content", "Data": [ {{item}} ] } ] }""");

        Assert.Equal(parsed, RecipeItems.Of(recipe!["steps"]![0]!["Data"])!.MayNeedPreparing(0));
    }

    [Fact]
    public void RawNonCharacters_AreNoticedToo()
    {
        var (recipe, _) = RecipeReader.Parse("{ \"name\": \"R\", \"steps\": [ { \"name\": \"content\", \"Data\": [ { \"T\": \"a\uFFFFb\" } ] } ] }");

        Assert.True(RecipeItems.Of(recipe!["steps"]![0]!["Data"])!.MayNeedPreparing(0));
    }
}
