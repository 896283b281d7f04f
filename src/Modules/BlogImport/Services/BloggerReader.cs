using System.Xml.Linq;
using Modules.BlogImport.Models;

namespace Modules.BlogImport.Services;

/// <summary>
/// Reads both exports Blogger has produced. The classic Atom backup (<c>blog-MM-DD-YYYY.xml</c>) tells its
/// entries apart by a category in the kind scheme (<c>…/kind#post</c>, <c>#comment</c>, <c>#settings</c>,
/// <c>#template</c>, <c>#page</c>); drafts carry <c>app:control/app:draft</c>; a comment names its post in
/// <c>thr:in-reply-to</c> and the comment it answers in a <c>related</c> link; the setting
/// <c>BLOG_COMMENT_ACCESS</c> says who may comment. Takeout's <c>feed.atom</c> says it all in
/// <c>blogger:type</c> (POST, COMMENT, PAGE), <c>blogger:status</c> (LIVE, DRAFT, DELETED),
/// <c>blogger:filename</c> (the post's path), <c>blogger:parent</c> and <c>blogger:inReplyTo</c>.
/// </summary>
public static class BloggerReader
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Blogger = "http://schemas.google.com/blogger/2018";
    public static readonly XNamespace App = "http://purl.org/atom/app#";
    public static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";
    public const string KindScheme = "http://schemas.google.com/g/2005#kind";
    public const string LabelScheme = "http://www.blogger.com/atom/ns#";

    /// <summary>The blog, or why the file is not a Blogger export.</summary>
    public static (BlogExport? Blog, string? Error) Read(XDocument document)
    {
        var root = document.Root!;
        if (root.Name != Atom + "feed")
        {
            return (null, root.Name.LocalName == "rss" && root.Attributes().Any(a => a.Value.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal))
                ? "This is a WordPress export (WXR), not a Blogger one: import it as wordpress."
                : $"This is not a Blogger export: its root element is <{root.Name.LocalName}>, where Blogger's backup and Takeout files have an Atom <feed>.");
        }

        var entries = root.Elements(Atom + "entry").ToList();
        var blog = new BlogExport { Service = "Blogger", BaseUrl = AlternateLink(root), Key = root.Element(Atom + "id").Text() };
        if (entries.Any(e => e.Element(Blogger + "type") is not null))
        {
            ReadTakeout(entries, blog);
        }
        else if (entries.Any(e => Kind(e) is not null))
        {
            ReadClassic(entries, blog);
        }
        else
        {
            return (null, "This Atom feed is not a Blogger export: no entry says whether it is a post or a comment (a kind category, or blogger:type). A blog's public feed is not its backup: export from Blogger's Settings › Back up content, or from Google Takeout.");
        }

        return (blog, null);
    }

    private static void ReadClassic(List<XElement> entries, BlogExport blog)
    {
        foreach (var entry in entries)
        {
            var id = Id(entry);
            switch (Kind(entry))
            {
                case "post":
                    var post = Post(entry, id, draft: entry.Element(App + "control")?.Element(App + "draft").Text() == "yes");
                    if (AlternateLink(entry) is { } url)
                    {
                        post.OldPaths.Add(Uri.UnescapeDataString(url.AbsolutePath));
                    }

                    blog.Posts.Add(post);
                    break;
                case "comment":
                    var postId = entry.Element(Thread + "in-reply-to")?.Attribute("ref")?.Value;
                    var related = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "related")?.Attribute("href")?.Value;
                    AddComment(blog, entry, id, postId, related is null ? null : ShortId(related));
                    break;
                case "settings" when id.EndsWith(".settings.BLOG_COMMENT_ACCESS", StringComparison.Ordinal):
                    blog.MembersOnlyComments = entry.Element(Atom + "content").Text().Contains("MEMBERS", StringComparison.OrdinalIgnoreCase);
                    break;
                case "page":
                    blog.Skipped.Add((Name(entry, id), "a Blogger page, not a post: pages are not imported."));
                    break;
            }
        }
    }

    private static void ReadTakeout(List<XElement> entries, BlogExport blog)
    {
        foreach (var entry in entries)
        {
            var id = Id(entry);
            var status = entry.Element(Blogger + "status").Text().ToUpperInvariant();
            switch (entry.Element(Blogger + "type").Text().ToUpperInvariant())
            {
                case "POST" when status == "DELETED":
                    blog.Skipped.Add((Name(entry, id), "deleted in Blogger: not imported."));
                    break;
                case "POST":
                    var post = Post(entry, id, draft: status == "DRAFT");
                    if (entry.Element(Blogger + "filename").Text() is { Length: > 0 } filename)
                    {
                        post.OldPaths.Add(filename.StartsWith('/') ? filename : "/" + filename);
                    }

                    post.PublishedUtc ??= SafeXml.Date(entry.Element(Blogger + "created").Text());
                    blog.Posts.Add(post);
                    break;
                case "COMMENT" when status != "DELETED":
                    var parent = entry.Element(Blogger + "inReplyTo").Text();
                    AddComment(blog, entry, id, entry.Element(Blogger + "parent").Text(), parent.Length > 0 ? ShortId(parent) : null);
                    break;
                case "PAGE":
                    blog.Skipped.Add((Name(entry, id), "a Blogger page, not a post: pages are not imported."));
                    break;
            }
        }
    }

    private static BlogEntry Post(XElement entry, string id, bool draft)
    {
        var post = new BlogEntry
        {
            Id = id,
            Title = entry.Element(Atom + "title").Text(),
            Html = entry.Element(Atom + "content")?.Value ?? "",
            PublishedUtc = SafeXml.Date(entry.Element(Atom + "published").Text()),
            UpdatedUtc = SafeXml.Date(entry.Element(Atom + "updated").Text()),
            Draft = draft,
            Author = entry.Element(Atom + "author")?.Element(Atom + "name").Text() ?? "",
        };
        post.Tags.AddRange(entry.Elements(Atom + "category")
            .Where(c => (string?)c.Attribute("scheme") is null or LabelScheme)
            .Select(c => ((string?)c.Attribute("term") ?? "").Trim())
            .Where(t => t.Length > 0));
        return post;
    }

    private static void AddComment(BlogExport blog, XElement entry, string id, string? postId, string? parentId)
    {
        if (string.IsNullOrEmpty(postId))
        {
            blog.Skipped.Add(($"comment {id}", "names no post: not imported."));
            return;
        }

        blog.Comments.Add(new BlogComment
        {
            Id = ShortId(id),
            PostId = ShortId(postId),
            ParentId = parentId,
            Author = entry.Element(Atom + "author")?.Element(Atom + "name").Text() ?? "",
            Html = entry.Element(Atom + "content")?.Value ?? "",
            PublishedUtc = SafeXml.Date(entry.Element(Atom + "published").Text()),
        });
    }

    /// <summary>The entry's kind from its kind category ("post", "comment", ...), or null.</summary>
    private static string? Kind(XElement entry)
        => entry.Elements(Atom + "category").Where(c => (string?)c.Attribute("scheme") == KindScheme)
            .Select(c => ((string?)c.Attribute("term") ?? "").Split('#').Last()).FirstOrDefault();

    private static string Id(XElement entry) => entry.Element(Atom + "id").Text();

    /// <summary>
    /// Blogger names the same post "tag:blogger.com,1999:blog-1.post-789" in one place and ".../posts/default/789"
    /// in another: the number after the last "post-" or "/" is the one both share.
    /// </summary>
    public static string ShortId(string id)
    {
        var post = id.LastIndexOf("post-", StringComparison.Ordinal);
        var at = Math.Max(post < 0 ? -1 : post + 4, id.LastIndexOf('/'));
        return at >= 0 && at < id.Length - 1 ? id[(at + 1)..] : id;
    }

    private static string Name(XElement entry, string id) => entry.Element(Atom + "title").Text() is { Length: > 0 } title ? $"'{title}'" : id;

    private static Uri? AlternateLink(XElement element)
        => element.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
            .Select(l => Uri.TryCreate((string?)l.Attribute("href"), UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(u => u is not null);
}
