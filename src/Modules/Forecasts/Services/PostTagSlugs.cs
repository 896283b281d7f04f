using System.Text.Json.Nodes;
using Cms.Content;
using Modules.Contents.Services;
using Modules.Forecasts.Models;

namespace Modules.Forecasts.Services;

/// <summary>
/// The tag slugs of a post, read from its stored TagsPart JSON ({"TagsPart": {"Tags": ["Russia", ...]}}), the
/// Orchard-format contract, rather than from the part type, which belongs to another module.
/// </summary>
public static class PostTagSlugs
{
    public static IReadOnlyList<string> Of(ContentItem item)
        => (item.Content["TagsPart"]?["Tags"] as JsonArray ?? [])
            .Select(t => t is JsonValue v && v.TryGetValue<string>(out var name) ? Slug.From(name) : "")
            .Where(s => s.Length is > 0 and <= ForecastTag.MaxSlug)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
