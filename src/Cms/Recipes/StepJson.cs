using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Typed reads of step JSON that report a clear error, at the right path, when a value has the wrong type.</summary>
public static class StepJson
{
    public static string? String(JsonObject obj, string key, string path, RecipeValidationContext context, bool required = false)
    {
        var node = Find(obj, key);
        if (node is null)
        {
            if (required)
            {
                context.Error(Join(path, Spelling(obj, key)), $"'{key}' is required.");
            }

            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (required && string.IsNullOrWhiteSpace(text))
            {
                context.Error(Join(path, Spelling(obj, key)), $"'{key}' must not be empty.");
                return null;
            }

            return text;
        }

        context.Error(Join(path, Spelling(obj, key)), $"'{key}' must be a string, not {Describe(node)}.");
        return null;
    }

    public static JsonArray? Array(JsonObject obj, string key, string path, RecipeValidationContext context, bool required = false)
    {
        var node = Find(obj, key);
        if (node is null)
        {
            if (required)
            {
                context.Error(Join(path, Spelling(obj, key)), $"'{key}' is required and must be an array.");
            }

            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        context.Error(Join(path, Spelling(obj, key)), $"'{key}' must be an array, not {Describe(node)}.");
        return null;
    }

    public static JsonObject? Object(JsonObject obj, string key, string path, RecipeValidationContext context)
    {
        var node = Find(obj, key);
        if (node is null or JsonObject)
        {
            return node as JsonObject;
        }

        context.Error(Join(path, Spelling(obj, key)), $"'{key}' must be an object, not {Describe(node)}.");
        return null;
    }

    /// <summary>The strings of an array; each non-string element is reported.</summary>
    public static List<string> Strings(JsonArray array, string path, RecipeValidationContext context)
    {
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                result.Add(s);
            }
            else
            {
                context.Error($"{path}[{i}]", $"Expected a string, not {Describe(array[i])}.");
            }
        }

        return result;
    }

    /// <summary>Finds a property by name, ignoring case, as Orchard's steps do.</summary>
    public static JsonNode? Find(JsonObject obj, string key)
    {
        if (obj.TryGetPropertyValue(key, out var exact))
        {
            return exact;
        }

        return obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>The key as the recipe spells it ("data" or "Data"), so an error's path matches the file.</summary>
    public static string Spelling(JsonObject obj, string key)
        => obj.TryGetPropertyValue(key, out _) ? key : obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v when v.TryGetValue<string>(out _) => "a string",
        JsonValue v when v.TryGetValue<bool>(out _) => "a boolean",
        _ => "a number",
    };
}
