using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modules.GraphQLApi.Schema;

/// <summary>
/// Reads stored JSON into the values GraphQL's scalars serialize. A value of another shape than the schema
/// says (a recipe wrote a number where the part has text) reads as null rather than failing the query.
/// </summary>
public static class JsonValues
{
    /// <summary>The property by its stored name, or by the same name in another case (recipes may write either).</summary>
    public static JsonNode? Property(object? source, string name)
    {
        if (source is not JsonObject json)
        {
            return null;
        }

        if (json.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        return json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public static object? String(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static object? Boolean(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public static object? Int(JsonNode? node) => Number(node) is { } d && d >= int.MinValue && d <= int.MaxValue ? (int)d : null;

    public static object? Long(JsonNode? node) => Number(node) is { } d && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;

    public static object? Float(JsonNode? node) => Number(node) is { } d ? (double)d : null;

    public static object? Decimal(JsonNode? node) => Number(node);

    public static object? DateTime(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.UtcDateTime,
        JsonValue v when v.TryGetValue<System.DateTime>(out var value) => value.ToUniversalTime(),
        _ => null,
    };

    /// <summary>An enum stored by name stays its name; one stored as a number becomes its member's name.</summary>
    public static Func<JsonNode?, object?> Enum(Type type) => node => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => System.Enum.ToObject(type, n).ToString(),
        _ => null,
    };

    public static object? Raw(JsonNode? node) => node;

    private static decimal? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
