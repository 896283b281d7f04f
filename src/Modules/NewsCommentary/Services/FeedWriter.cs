using System.Globalization;
using System.Text;
using System.Xml;
using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Modules.Contents.Services;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The RSS 2.0 and Atom feeds of posts, the site's or one tag's: each entry carries the quote, the
/// analysis, the source link and the post's tags as categories.
/// </summary>
public sealed class FeedWriter(ISiteService site, IPublicUrls urls, IAutorouteEntries entries, IMarkdownRenderer markdown)
{
    public const int ItemCount = 20;

    /// <param name="tag">The tag whose feed this is; null for the site's feed.</param>
    public async Task<string> WriteRssAsync(IReadOnlyList<ContentItem> items, TagName? tag = null)
    {
        var settings = await site.GetAsync();
        var baseUrl = await urls.BaseUrlAsync();
        var channel = FeedChannel.For(settings, tag);
        var output = new StringBuilder();
        var xmlSettings = new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = true };
        await using (var writer = CleanXmlWriter.For(new Utf8StringWriter(output), xmlSettings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", channel.Title);
            writer.WriteElementString("link", baseUrl + channel.PagePath);
            writer.WriteElementString("description", channel.Description);
            writer.WriteElementString("language", settings.Culture.ToLowerInvariant());
            writer.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("href", baseUrl + channel.FeedPath("rss.xml"));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (items.Count > 0 && items[0].PublishedUtc is { } newest)
            {
                writer.WriteElementString("lastBuildDate", newest.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var item in items)
            {
                WriteItem(writer, item, await LinkOfAsync(item));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return output.ToString();
    }

    /// <summary>The same entries as an Atom 1.0 feed (RFC 4287).</summary>
    public async Task<string> WriteAtomAsync(IReadOnlyList<ContentItem> items, TagName? tag = null)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var settings = await site.GetAsync();
        var baseUrl = await urls.BaseUrlAsync();
        var channel = FeedChannel.For(settings, tag);
        var updated = items.Select(i => i.ModifiedUtc ?? i.PublishedUtc).Max() ?? DateTime.UnixEpoch;
        var output = new StringBuilder();
        await using (var writer = CleanXmlWriter.For(new Utf8StringWriter(output), new XmlWriterSettings { Indent = true, Async = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", atom);
            writer.WriteElementString("title", atom, channel.Title);
            if (tag is not null || !string.IsNullOrEmpty(settings.SiteDescription))
            {
                writer.WriteElementString("subtitle", atom, channel.Description);
            }

            writer.WriteElementString("id", atom, baseUrl + channel.PagePath);
            writer.WriteElementString("updated", atom, AtomDate(updated));
            WriteLink(writer, "self", baseUrl + channel.FeedPath("atom.xml"), "application/atom+xml");
            WriteLink(writer, "alternate", baseUrl + channel.PagePath, "text/html");
            foreach (var item in items)
            {
                writer.WriteStartElement("entry", atom);
                writer.WriteElementString("title", atom, item.DisplayText);
                writer.WriteElementString("id", atom, $"urn:cms:content:{item.ContentItemId}");
                WriteLink(writer, "alternate", await LinkOfAsync(item), "text/html");
                writer.WriteElementString("published", atom, AtomDate(item.PublishedUtc ?? updated));
                writer.WriteElementString("updated", atom, AtomDate(item.ModifiedUtc ?? item.PublishedUtc ?? updated));
                writer.WriteStartElement("author", atom);
                writer.WriteElementString("name", atom, string.IsNullOrEmpty(item.Author) ? settings.SiteName : item.Author);
                writer.WriteEndElement();
                foreach (var category in Categories(item))
                {
                    writer.WriteStartElement("category", atom);
                    writer.WriteAttributeString("term", category.Slug);
                    writer.WriteAttributeString("scheme", baseUrl + TagPaths.Index + "/");
                    writer.WriteAttributeString("label", category.Name);
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("content", atom);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(DescriptionHtml(item));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return output.ToString();

        static void WriteLink(XmlWriter writer, string rel, string href, string type)
        {
            writer.WriteStartElement("link", atom);
            writer.WriteAttributeString("rel", rel);
            writer.WriteAttributeString("type", type);
            writer.WriteAttributeString("href", href);
            writer.WriteEndElement();
        }
    }

    private static string AtomDate(DateTime date) => date.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The post's address; the home page for one without a path.</summary>
    private async Task<string> LinkOfAsync(ContentItem item) => await entries.UrlOfAsync(item) ?? await urls.AbsoluteAsync("/");

    private void WriteItem(XmlWriter writer, ContentItem item, string link)
    {
        writer.WriteStartElement("item");
        writer.WriteElementString("title", item.DisplayText);
        writer.WriteElementString("link", link);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "false");
        writer.WriteString(item.ContentItemId);
        writer.WriteEndElement();
        if (item.PublishedUtc is { } published)
        {
            writer.WriteElementString("pubDate", published.ToString("R", CultureInfo.InvariantCulture));
        }

        foreach (var category in Categories(item))
        {
            writer.WriteElementString("category", category.Name);
        }

        writer.WriteElementString("description", DescriptionHtml(item));
        writer.WriteEndElement();
    }

    private static IEnumerable<TagName> Categories(ContentItem item) => item.As<TagsPart>()?.Entries() ?? [];

    /// <summary>The entry's HTML: who is quoted, the quote, the analysis and the link to the source.</summary>
    private string DescriptionHtml(ContentItem item)
    {
        var quote = item.As<QuotePart>();
        var analysis = item.As<AnalysisPart>();
        var source = item.As<SourceLinkPart>();
        var html = new StringBuilder();
        using var writer = new StringWriter(html);
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        if (quote is not null)
        {
            if (!string.IsNullOrEmpty(quote.Attribution))
            {
                html.Append("<p>From ").Append(encoder.Encode(quote.Attribution)).Append(":</p>");
            }

            html.Append("<blockquote>");
            if (!string.IsNullOrEmpty(quote.Headline))
            {
                html.Append("<p><strong>“").Append(encoder.Encode(quote.Headline)).Append("”</strong></p>");
            }

            markdown.Render(quote.Text, 1).WriteTo(writer, encoder);
            writer.Flush();
            html.Append("</blockquote>");
        }

        if (analysis is not null)
        {
            markdown.Render(analysis.Markdown, 1).WriteTo(writer, encoder);
            writer.Flush();
        }

        if (source is not null && SafeUrl.IsHttp(source.Url))
        {
            html.Append("<p>Source: <a href=\"").Append(encoder.Encode(source.Url)).Append("\">")
                .Append(encoder.Encode(string.IsNullOrEmpty(source.Title) ? source.Url : source.Title)).Append("</a>");
            if (!string.IsNullOrEmpty(source.Publication))
            {
                html.Append(", ").Append(encoder.Encode(source.Publication));
            }

            html.Append("</p>");
        }

        return html.ToString();
    }
}
