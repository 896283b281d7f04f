using System.Text.Json.Nodes;
using Cms.Recipes;
using Microsoft.Extensions.Configuration;

namespace Cms.Tests.Recipes;

/// <summary>Orchard's script values in a recipe: the few forms understood are replaced, anything else is an error at its path.</summary>
public sealed class ScriptValueEvaluatorTests
{
    private static readonly IConfiguration s_configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recipes:SiteName"] = "Configured name",
            ["ConnectionStrings:Default"] = "secret",
        })
        .Build();

    [Fact]
    public void EvaluateAll_ReplacesVariablesParametersAndConfiguration_WhereverTheyAre()
    {
        var recipe = Json("""
            { "steps": [ { "name": "settings",
                           "SiteName": "[js: configuration('Recipes:SiteName', 'Fallback')]",
                           "Culture": "[js: configuration('Recipes:Culture', 'en-GB')]",
                           "Owner": "[js: parameters('owner')]",
                           "Ids": [ "[js: variables('postId')]", "[js:uuid()]" ] } ] }
            """);
        var (values, errors) = Evaluate(recipe, variables: """{ "postId": "[js: variables('base')]", "base": "post1" }""");

        Assert.Empty(errors);
        var step = values["steps"]![0]!;
        Assert.Equal("Configured name", (string?)step["SiteName"]);
        Assert.Equal("en-GB", (string?)step["Culture"]);
        Assert.Equal("Ann", (string?)step["Owner"]);
        Assert.Equal("post1", (string?)step["Ids"]![0]);
        Assert.Equal(26, ((string?)step["Ids"]![1])?.Length);
    }

    [Theory]
    [InlineData("[js: configuration('ConnectionStrings:Default')]", "may read only configuration keys under 'Recipes:'")]
    [InlineData("[js: parameters('missing')]", "parameter 'missing', which was not given")]
    [InlineData("[js: variables('missing')]", "no variable 'missing'")]
    [InlineData("[js: eval('1+1')]", "calls eval() with the wrong arguments")]
    [InlineData("[js: uuid() + 'x']", "is not a script value this site evaluates")]
    [InlineData("[file: ../secret.txt]", "is not a script value this site evaluates")]
    public void EvaluateAll_RefusesWhatItDoesNotUnderstand_AtThePath(string script, string message)
    {
        var recipe = new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["Value"] = script }) };

        var (values, errors) = Evaluate(recipe, variables: """{ "self": "[js: variables('self')]" }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.steps[0].Value", error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(values["steps"]![0]!["Value"]);
    }

    [Fact]
    public void EvaluateAll_RefusesAVariableThatRefersToItself_AtTheVariable()
    {
        var recipe = new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["Value"] = "[js: variables('self')]" }) };

        var (_, errors) = Evaluate(recipe, variables: """{ "self": "[js: variables('self')]" }""");

        Assert.Equal([("$.variables.self", "Variable 'self' refers to itself.")], errors);
    }

    [Fact]
    public void EvaluateAll_StopsVariablesThatMultiplyTheRecipe_WithOneError()
    {
        // Each variable holds two of the one before: 2^30 copies of a short string if nothing stopped it.
        var variables = new JsonObject { ["v0"] = new string('x', 100) };
        for (var i = 1; i <= 18; i++)
        {
            variables[$"v{i}"] = new JsonArray($"[js: variables('v{i - 1}')]", $"[js: variables('v{i - 1}')]");
        }

        var recipe = new JsonObject { ["steps"] = new JsonArray("[js: variables('v18')]", "[js: variables('v18')]") };
        var errors = new List<(string Path, string Message)>();
        new ScriptValueEvaluator(variables, new Dictionary<string, string>(), s_configuration).EvaluateAll(recipe, "$", errors);

        var error = Assert.Single(errors);
        Assert.Contains("expand past", error.Message, StringComparison.Ordinal);
    }

    private static (JsonObject Values, List<(string Path, string Message)> Errors) Evaluate(JsonObject recipe, string variables)
    {
        var errors = new List<(string Path, string Message)>();
        var parameters = new Dictionary<string, string> { ["owner"] = "Ann" };
        new ScriptValueEvaluator(Json(variables), parameters, s_configuration).EvaluateAll(recipe, "$", errors);
        return (recipe, errors);
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
