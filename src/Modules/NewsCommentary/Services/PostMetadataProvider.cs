using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Display;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// What search engines and link previews read from a post page besides its URL and title: the description
/// (the analysis), the tags, and JSON-LD describing the post as an OpinionNewsArticle that isBasedOn the
/// quoted NewsArticle, with the quoted passage as a Quotation. Runs after the Contents module set the canonical URL.
/// </summary>
public sealed class PostMetadataProvider(IMarkdownRenderer markdown) : IContentMetadataProvider
{
    private const int DescriptionLength = 200;

    public Task ContributeAsync(ContentItem item, PageMetadata metadata)
    {
        if (item.ContentType != Migrations.ContentType)
        {
            return Task.CompletedTask;
        }

        var url = metadata.CanonicalUrl;
        var quote = item.As<QuotePart>();
        var source = item.As<SourceLinkPart>();
        var analysis = markdown.ToPlainText(item.As<AnalysisPart>()?.Markdown);
        metadata.Description = analysis.Length > DescriptionLength ? analysis[..DescriptionLength].TrimEnd() + "…" : analysis;
        metadata.Tags = item.As<TagsPart>()?.Entries().Select(t => t.Name).ToList() ?? [];
        var jsonLd = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "OpinionNewsArticle",
            ["headline"] = item.DisplayText,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["datePublished"] = metadata.PublishedIso,
            ["dateModified"] = metadata.ModifiedIso,
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = item.Author },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = metadata.SiteName },
            ["description"] = metadata.Description,
        };
        if (metadata.Tags.Count > 0)
        {
            jsonLd["keywords"] = new JsonArray(metadata.Tags.Select(t => (JsonNode?)t).ToArray());
        }

        if (source is not null && SafeUrl.IsHttp(source.Url))
        {
            var article = new JsonObject
            {
                ["@type"] = "NewsArticle",
                ["headline"] = string.IsNullOrEmpty(quote?.Headline) ? source.Title : quote.Headline,
                ["url"] = source.Url,
                ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = string.IsNullOrEmpty(source.Publication) ? quote?.Attribution : source.Publication },
                ["datePublished"] = source.PublishedUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (SafeUrl.IsHttp(source.ArchiveUrl))
            {
                article["archivedAt"] = source.ArchiveUrl;
            }

            jsonLd["isBasedOn"] = article;
        }

        if (quote is not null)
        {
            jsonLd["citation"] = new JsonObject
            {
                ["@type"] = "Quotation",
                ["text"] = markdown.ToPlainText(quote.Text),
                ["creator"] = new JsonObject { ["@type"] = "Organization", ["name"] = quote.Attribution },
                ["isBasedOn"] = source?.Url,
            };
        }

        // The default encoder escapes '<', '>' and '&', so the JSON cannot close its <script> element.
        metadata.JsonLd = jsonLd.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return Task.CompletedTask;
    }
}
