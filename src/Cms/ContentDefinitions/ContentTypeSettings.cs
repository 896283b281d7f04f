using System.Globalization;
using System.Text.Json.Nodes;

namespace Cms.ContentDefinitions;

/// <summary>The type-level settings, read from either Orchard form (nested object, or flat "True" strings).</summary>
public sealed record ContentTypeSettings(bool Creatable, bool Listable, bool Draftable, bool Versionable, bool Securable)
{
    public static ContentTypeSettings From(JsonObject settings)
    {
        var nested = settings["ContentTypeSettings"] as JsonObject;
        bool Read(string key) => SettingsReader.ReadBool(nested?[key]) ?? SettingsReader.ReadBool(settings[key]) ?? false;
        return new ContentTypeSettings(Read("Creatable"), Read("Listable"), Read("Draftable"), Read("Versionable"), Read("Securable"));
    }
}

/// <summary>Reads setting values that Orchard wrote as booleans or as "True"/"False" strings.</summary>
public static class SettingsReader
{
    public static bool? ReadBool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public static double? ReadPosition(JsonObject settings)
    {
        var node = (settings["ContentTypePartSettings"] as JsonObject)?["Position"] ?? settings["Position"];
        return node switch
        {
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            JsonValue v when v.TryGetValue<string>(out var s)
                && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
