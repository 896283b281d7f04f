using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Display;

/// <summary>
/// What a content item's page tells search engines and link previews. The display manager fills in the
/// item's own facts; each enabled feature's <see cref="IContentMetadataProvider"/> adds what it knows
/// (the Contents module the canonical URL, a content type's module its description and JSON-LD).
/// </summary>
public sealed class PageMetadata
{
    public string Title { get; set; } = "";
    public string SiteName { get; set; } = "";

    /// <summary>The item's absolute URL; null when it has none.</summary>
    public string? CanonicalUrl { get; set; }

    public string Description { get; set; } = "";
    public string? PublishedIso { get; set; }
    public string? ModifiedIso { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>A JSON-LD object, already encoded so it cannot close its script element; null for none.</summary>
    public string? JsonLd { get; set; }

    /// <summary>
    /// More schema.org nodes about the page from other features (a forecast's ClaimReview), joined with
    /// <see cref="JsonLd"/> into one <c>@graph</c> once every provider has run, so no provider's order matters.
    /// </summary>
    public List<JsonObject> MoreJsonLd { get; } = [];

    /// <summary>Folds <see cref="MoreJsonLd"/> into <see cref="JsonLd"/>; the display manager calls it after the providers.</summary>
    public void CombineJsonLd()
    {
        if (MoreJsonLd.Count == 0)
        {
            return;
        }

        var graph = new JsonArray();
        if (JsonLd is not null && JsonNode.Parse(JsonLd) is JsonObject main)
        {
            main.Remove("@context");
            graph.Add(main);
        }

        foreach (var node in MoreJsonLd)
        {
            node.Remove("@context");
            graph.Add(node);
        }

        // The default encoder escapes '<', '>' and '&', so the JSON cannot close its <script> element.
        JsonLd = new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        MoreJsonLd.Clear();
    }
}

/// <summary>Adds to an item's page metadata. Register it with AddContentMetadataProvider; providers run in feature order (a feature after those it needs).</summary>
public interface IContentMetadataProvider
{
    Task ContributeAsync(ContentItem item, PageMetadata metadata);
}
