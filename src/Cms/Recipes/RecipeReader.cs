using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Parses recipe text in Orchard's format: JSON with // comments and trailing commas allowed.</summary>
public static class RecipeReader
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static (JsonObject? Recipe, RecipeError? Error) Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: s_options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return (null, new RecipeError(null, null, "$", $"The recipe is not valid JSON{where}."));
        }

        if (node is not JsonObject recipe)
        {
            return (null, new RecipeError(null, null, "$", "A recipe must be a JSON object with a 'steps' array."));
        }

        return (recipe, null);
    }

    /// <summary>Reads the header of a parsed recipe (for lists of recipes).</summary>
    public static RecipeDescriptor ReadHeader(JsonObject recipe, string source, Func<string> readText) => new()
    {
        Name = Text(recipe, "name"),
        DisplayName = Text(recipe, "displayName") is { Length: > 0 } display ? display : Text(recipe, "name"),
        Description = Text(recipe, "description"),
        Author = Text(recipe, "author"),
        Website = Text(recipe, "website"),
        Version = Text(recipe, "version"),
        IsSetupRecipe = recipe["issetuprecipe"] is JsonValue v && v.TryGetValue<bool>(out var b) && b,
        Categories = Strings(recipe, "categories"),
        Tags = Strings(recipe, "tags"),
        Source = source,
        ReadText = readText,
    };

    private static string Text(JsonObject o, string key)
        => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static List<string> Strings(JsonObject o, string key)
        => o[key] is JsonArray a
            ? a.OfType<JsonValue>().Select(x => x.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
}
