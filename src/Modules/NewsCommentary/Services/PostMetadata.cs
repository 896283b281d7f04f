using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>What search engines and link previews read from a post page: canonical URL, Open Graph, Twitter card, JSON-LD.</summary>
public sealed record PostMetadata(string CanonicalUrl, string Title, string Description, string SiteName, string? PublishedIso, string? ModifiedIso, IReadOnlyList<string> Tags, string JsonLd);

/// <summary>
/// Describes the post as an OpinionNewsArticle that isBasedOn the quoted NewsArticle, with the quoted
/// passage as a Quotation.
/// </summary>
public sealed class PostMetadataBuilder(ISiteService site, IPublicUrls urls, IMarkdownRenderer markdown)
{
    private const int DescriptionLength = 200;

    public async Task<PostMetadata> BuildAsync(ContentItem item)
    {
        var settings = await site.GetAsync();
        var url = await urls.AbsoluteAsync(item.As<AutoroutePart>()?.Path ?? "");
        var quote = item.As<QuotePart>();
        var source = item.As<SourceLinkPart>();
        var analysis = markdown.ToPlainText(item.As<AnalysisPart>()?.Markdown);
        var description = analysis.Length > DescriptionLength ? analysis[..DescriptionLength].TrimEnd() + "…" : analysis;
        var tags = item.As<TagsPart>()?.Entries().Select(t => t.Name).ToList() ?? [];
        var jsonLd = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "OpinionNewsArticle",
            ["headline"] = item.DisplayText,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["datePublished"] = Iso(item.PublishedUtc),
            ["dateModified"] = Iso(item.ModifiedUtc),
            ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = item.Author },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = settings.SiteName },
            ["description"] = description,
        };
        if (tags.Count > 0)
        {
            jsonLd["keywords"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
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
        return new PostMetadata(url, item.DisplayText, description, settings.SiteName, Iso(item.PublishedUtc), Iso(item.ModifiedUtc), tags,
            jsonLd.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static string? Iso(DateTime? date) => date?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
