using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>
/// Parses recipe text in Orchard's format: JSON with // comments and trailing commas allowed. A content step's
/// items are not parsed here: the step's "Data" holds them as <see cref="RecipeItems"/>, read one at a time
/// from the text, which the parsed recipe keeps (as UTF-8, half the size of a string).
/// </summary>
public static class RecipeReader
{
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static (JsonObject? Recipe, RecipeError? Error) Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static (JsonObject? Recipe, RecipeError? Error) Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return ReadRecipe(utf8) is { } recipe
                ? (recipe, null)
                : (null, new RecipeError(null, null, "$", "A recipe must be a JSON object with a 'steps' array."));
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return (null, new RecipeError(null, null, "$", $"The recipe is not valid JSON{where}."));
        }
    }

    /// <summary>The recipe, or null when the text is JSON but not an object (invalid JSON throws).</summary>
    private static JsonObject? ReadRecipe(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, s_readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Read to the end first, so text that is not JSON at all is reported as such.
            JsonNode.Parse(utf8.Span, documentOptions: DocumentOptions);
            return null;
        }

        var recipe = new JsonObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            recipe[key] = key == "steps" && reader.TokenType == JsonTokenType.StartArray ? ReadSteps(ref reader, utf8) : JsonNode.Parse(ref reader);
        }

        // Anything after the recipe's closing brace but whitespace and comments is refused (the reader throws).
        _ = reader.Read();

        return recipe;
    }

    private static JsonArray ReadSteps(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8)
    {
        var steps = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            steps.Add(reader.TokenType == JsonTokenType.StartObject ? ReadStep(ref reader, utf8) : JsonNode.Parse(ref reader));
        }

        return steps;
    }

    /// <summary>A step; a content step's "Data" array is left in the text, its items read when they are reached.</summary>
    private static JsonObject ReadStep(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8)
    {
        var step = new JsonObject();
        (string Key, RecipeItems Items)? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (data is null && reader.TokenType == JsonTokenType.StartArray && string.Equals(key, "Data", StringComparison.OrdinalIgnoreCase))
            {
                data = (key, RecipeItems.Read(ref reader, utf8));
                step[key] = null; // its place among the keys; the value is set below
                continue;
            }

            step[key] = JsonNode.Parse(ref reader);
        }

        if (data is { } found)
        {
            // The name may come after the data. Other steps read their "Data" as the array it is.
            var isContent = step["name"] is JsonValue name && name.TryGetValue<string>(out var text) && string.Equals(text, "content", StringComparison.OrdinalIgnoreCase);
            step[found.Key] = isContent ? found.Items.Wrap() : found.Items.ToJsonArray();
        }

        return step;
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
