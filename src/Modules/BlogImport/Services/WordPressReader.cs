using System.Globalization;
using System.Xml.Linq;
using Modules.BlogImport.Models;

namespace Modules.BlogImport.Services;

/// <summary>
/// Reads WordPress's export (WXR 1.1 and 1.2, as WordPress 5 and 6 write it): an RSS channel whose items
/// carry <c>wp:post_type</c> (only <c>post</c> is imported), <c>wp:status</c> (publish; draft, pending,
/// future and private become drafts; trash is left out), <c>content:encoded</c> (Gutenberg's HTML, its
/// <c>wp:quote</c> and <c>wp:pullquote</c> blocks being blockquotes with a cite), categories and tags
/// (both become tags), <c>dc:creator</c> (an author's login, shown by its display name) and
/// <c>wp:comment</c> rows (approved comments only, with <c>wp:comment_parent</c> for threads).
/// </summary>
public static class WordPressReader
{
    public const string NamespacePrefix = "http://wordpress.org/export/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static (BlogExport? Blog, string? Error) Read(XDocument document)
    {
        var root = document.Root!;
        var wp = root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            .Select(a => (XNamespace)a.Value).FirstOrDefault(n => !n.NamespaceName.Contains("excerpt", StringComparison.Ordinal));
        if (root.Name.LocalName != "rss" || wp is null || root.Element("channel") is not { } channel)
        {
            return (null, root.Name == BloggerReader.Atom + "feed"
                ? "This is an Atom feed (a Blogger export?), not a WordPress one: import it as blogger."
                : $"This is not a WordPress export (WXR): {(root.Name.LocalName == "rss" ? "the RSS feed has no wp: elements" : $"its root element is <{root.Name.LocalName}>")}. Export from WordPress's Tools › Export.");
        }

        var baseUrl = channel.Element(wp + "base_blog_url").Text() is { Length: > 0 } b ? b : channel.Element("link").Text();
        var blog = new BlogExport { Service = "WordPress", Key = baseUrl, BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri : null };
        var authors = channel.Elements(wp + "author").ToDictionary(
            a => a.Element(wp + "author_login").Text(), a => a.Element(wp + "author_display_name").Text(), StringComparer.Ordinal);
        foreach (var item in channel.Elements("item"))
        {
            ReadItem(item, wp, blog, authors);
        }

        return (blog, null);
    }

    private static void ReadItem(XElement item, XNamespace wp, BlogExport blog, Dictionary<string, string> authors)
    {
        var id = item.Element(wp + "post_id").Text();
        var title = item.Element("title").Text();
        var name = title.Length > 0 ? $"'{title}'" : $"post {id}";
        var type = item.Element(wp + "post_type").Text();
        var status = item.Element(wp + "status").Text();
        if (type == "page")
        {
            blog.Skipped.Add((name, "a WordPress page, not a post: pages are not imported."));
            return;
        }

        if (type != "post" || id.Length == 0)
        {
            return;
        }

        if (status == "trash")
        {
            blog.Skipped.Add((name, "in WordPress's trash: not imported."));
            return;
        }

        var login = item.Element(Dc + "creator").Text();
        var post = new BlogEntry
        {
            Id = id,
            Title = title,
            Html = item.Element(Content + "encoded")?.Value ?? "",
            PublishedUtc = Gmt(item.Element(wp + "post_date_gmt").Text()) ?? SafeXml.Date(item.Element("pubDate").Text()),
            UpdatedUtc = Gmt(item.Element(wp + "post_modified_gmt").Text()),
            Draft = status != "publish",
            Author = authors.TryGetValue(login, out var display) && display.Length > 0 ? display : login,
            Slug = item.Element(wp + "post_name").Text() is { Length: > 0 } slug ? Uri.UnescapeDataString(slug) : null,
        };
        post.Tags.AddRange(item.Elements("category").Where(c => (string?)c.Attribute("domain") is "category" or "post_tag")
            .Select(c => c.Value.Trim()).Where(t => t.Length > 0 && t != "Uncategorized"));
        if (post.Draft && status != "draft")
        {
            blog.Skipped.Add((name, $"its WordPress status is '{status}': imported as a draft."));
        }

        if (!post.Draft && Uri.TryCreate(item.Element("link").Text(), UriKind.Absolute, out var link) && link.AbsolutePath.Length > 1)
        {
            post.OldPaths.Add(Uri.UnescapeDataString(link.AbsolutePath));
        }

        // WordPress's plain address, which every post answers whatever the permalink setting: "/?p=12".
        if (!post.Draft && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            post.OldPaths.Add($"/?p={number}");
        }

        blog.Posts.Add(post);
        foreach (var comment in item.Elements(wp + "comment"))
        {
            var commentType = comment.Element(wp + "comment_type").Text();
            if (comment.Element(wp + "comment_approved").Text() != "1" || commentType is "pingback" or "trackback")
            {
                continue;
            }

            var parent = comment.Element(wp + "comment_parent").Text();
            blog.Comments.Add(new BlogComment
            {
                Id = comment.Element(wp + "comment_id").Text(),
                PostId = id,
                ParentId = parent is "" or "0" ? null : parent,
                Author = comment.Element(wp + "comment_author").Text(),
                Html = comment.Element(wp + "comment_content")?.Value ?? "",
                PublishedUtc = Gmt(comment.Element(wp + "comment_date_gmt").Text()),
            });
        }
    }

    /// <summary>WordPress's GMT dates ("2020-09-14 15:30:00"); "0000-00-00 00:00:00" (a draft's) is none.</summary>
    private static DateTime? Gmt(string text)
        => DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) && date.Year > 1
            ? date
            : null;
}
