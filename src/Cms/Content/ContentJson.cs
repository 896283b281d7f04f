using System.Text.Json;

namespace Cms.Content;

/// <summary>How parts and items are written: Orchard's PascalCase names, ISO dates.</summary>
public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        WriteIndented = false,
    };
}
