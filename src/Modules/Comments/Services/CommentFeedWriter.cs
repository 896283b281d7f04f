using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Markdown.Services;

namespace Modules.Comments.Services;

/// <summary>RSS 2.0 of a post's approved comments, newest first, like Blogger's "Post Comments" feed.</summary>
public sealed class CommentFeedWriter(CmsDbContext db, IMarkdownRenderer markdown)
{
    public const int ItemCount = 50;
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <param name="postUrl">The post's absolute URL.</param>
    public async Task<string> WriteAsync(CommentTarget target, string siteName, string postUrl)
    {
        var comments = await db.Set<Comment>().AsNoTracking()
            .Where(c => c.ContentItemId == target.Item.ContentItemId && c.Status == CommentStatus.Approved)
            .OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id)
            .Take(ItemCount)
            .ToListAsync();
        var output = new StringBuilder();
        await using (var writer = CleanXmlWriter.For(new Utf8StringWriter(output), new XmlWriterSettings { Indent = true, Async = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "dc", null, DublinCore);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", $"Comments on “{target.Title}” – {siteName}");
            writer.WriteElementString("link", postUrl + "#comments");
            writer.WriteElementString("description", $"The comments readers posted on “{target.Title}”.");
            if (comments.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", comments[0].CreatedUtc.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var comment in comments)
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("title", $"{comment.AuthorName} on “{target.Title}”");
                writer.WriteElementString("link", $"{postUrl}#comment-{comment.Id}");
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "false");
                writer.WriteString($"urn:cms:comment:{target.Item.ContentItemId}:{comment.Id}");
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", comment.CreatedUtc.ToString("R", CultureInfo.InvariantCulture));
                writer.WriteElementString("creator", DublinCore, comment.AuthorName);
                writer.WriteElementString("description", Html(comment.Markdown));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return output.ToString();
    }

    private string Html(string text)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        markdown.RenderUserContent(text).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
