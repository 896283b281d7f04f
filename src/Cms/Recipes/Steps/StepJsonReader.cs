using System.Text.Json.Nodes;

namespace Cms.Recipes.Steps;

/// <summary>Reads already-validated step JSON while applying.</summary>
internal static class StepJsonReader
{
    public static List<string> Strings(JsonObject obj, string key)
        => StepJson.Find(obj, key) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.GetValue<string>()).ToList()
            : [];

    public static string? String(JsonObject obj, string key)
        => StepJson.Find(obj, key) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
