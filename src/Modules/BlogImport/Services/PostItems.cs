using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Recipes.Import;
using Modules.BlogImport.Models;
using Modules.Contents.Services;

namespace Modules.BlogImport.Services;

/// <summary>One post as a content item of the recipe (NewsCommentary or BlogPost), and the comments as the Comments step's rows.</summary>
public static class PostItems
{
    private const int MaxTags = 10;
    private const int MaxTagLength = 50;
    private const int MaxTitle = 300;

    public static JsonObject Item(BlogExport blog, BlogEntry post, HashSet<string> paths, List<ImportNote> notes)
    {
        var id = ImportIds.For(blog.Service, blog.Key, post.Id);
        var date = post.PublishedUtc ?? post.UpdatedUtc ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var title = post.Title.Length > 0 ? post.Title : "Untitled post of " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (title.Length > MaxTitle)
        {
            title = title[..MaxTitle];
            notes.Add(new ImportNote(post.Name, $"the title is longer than {MaxTitle} characters and was shortened."));
        }

        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentItemVersionId"] = ImportIds.For(blog.Service, blog.Key, post.Id, "version"),
            ["DisplayText"] = title,
            ["Latest"] = true,
            ["Published"] = !post.Draft,
            ["CreatedUtc"] = ImportRecipeBuilder.Iso(date),
            ["ModifiedUtc"] = ImportRecipeBuilder.Iso(post.UpdatedUtc ?? date),
            ["Owner"] = "[js: parameters('AdminUserId')]",
            ["Author"] = post.Author.Length > 0 ? post.Author : "[js: parameters('AdminUsername')]",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = UniquePath(date, post.Slug ?? title, id, paths) },
            ["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(Tags(post, notes).Select(t => (JsonNode)t).ToArray()) },
        };
        if (!post.Draft)
        {
            item["PublishedUtc"] = ImportRecipeBuilder.Iso(date);
        }

        var blocks = HtmlBlocks.Parse(post.Html);
        var shape = CommentaryShape.Recognise(blocks, blog.BaseUrl);
        if (shape.Commentary is { } commentary)
        {
            // One fact each (as the editor keeps it): the quote's headline is the source link's title, so
            // importing the same file again finds every version as stored and changes nothing.
            var headline = commentary.Headline.Length > 0 ? commentary.Headline : title;
            item["ContentType"] = "NewsCommentary";
            item["QuotePart"] = new JsonObject { ["Headline"] = headline, ["Text"] = commentary.Quote, ["Attribution"] = commentary.Attribution };
            item["AnalysisPart"] = new JsonObject { ["Markdown"] = commentary.Analysis };
            item["SourceLinkPart"] = new JsonObject
            {
                ["Url"] = commentary.SourceUrl,
                ["Title"] = headline,
                ["Publication"] = commentary.Attribution,
            };
        }
        else
        {
            item["ContentType"] = BlogPostType.Name;
            item["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = string.Join("\n\n", blocks.Select(b => b.Markdown)) };
            item["CommentsPart"] = new JsonObject { ["Open"] = true };
            notes.Add(new ImportNote(post.Name, $"imported as a plain blog post: {shape.Misfit}."));
        }

        return item;
    }

    public static JsonArray Comments(BlogExport blog, IReadOnlyDictionary<string, string> idsByPost, List<ImportNote> notes)
    {
        var rows = new JsonArray();
        var known = blog.Comments.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var comment in blog.Comments.OrderBy(c => c.PublishedUtc))
        {
            if (!idsByPost.TryGetValue(comment.PostId, out var itemId))
            {
                notes.Add(new ImportNote($"comment {comment.Id} by {comment.Author}", "its post is not in the export: not imported."));
                continue;
            }

            var markdown = string.Join("\n\n", HtmlBlocks.Parse(comment.Html).Select(b => b.Markdown));
            if (markdown.Length == 0)
            {
                notes.Add(new ImportNote($"comment {comment.Id} by {comment.Author}", "it is empty: not imported."));
                continue;
            }

            rows.Add(new JsonObject
            {
                ["Key"] = comment.Id,
                ["ContentItemId"] = itemId,
                ["ParentKey"] = comment.ParentId is { } parent && known.Contains(parent) ? parent : null,
                ["AuthorName"] = comment.Author.Length > 0 ? comment.Author : "Anonymous",
                ["Markdown"] = markdown,
                ["CreatedUtc"] = ImportRecipeBuilder.Iso(comment.PublishedUtc ?? DateTime.UnixEpoch),
            });
        }

        return rows;
    }

    private static List<string> Tags(BlogEntry post, List<ImportNote> notes)
    {
        var kept = new List<string>();
        foreach (var tag in post.Tags.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (tag.Length > MaxTagLength || Slug.From(tag).Length == 0)
            {
                notes.Add(new ImportNote(post.Name, $"the label '{tag}' cannot be a tag (at most {MaxTagLength} characters, with a letter or digit from A to Z or 0 to 9): left out."));
            }
            else if (kept.Count == MaxTags)
            {
                notes.Add(new ImportNote(post.Name, $"the label '{tag}' is past the {MaxTags} tags a post has: left out."));
            }
            else
            {
                kept.Add(tag);
            }
        }

        return kept;
    }

    /// <summary>"2020/09/11/sochi-meeting", with "-2", "-3" when two posts of a day share a title.</summary>
    private static string UniquePath(DateTime date, string title, string id, HashSet<string> paths)
    {
        var slug = Slug.From(title);
        var path = date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/" + (slug.Length > 0 ? slug : id);
        var candidate = path;
        for (var n = 2; !paths.Add(candidate); n++)
        {
            candidate = $"{path}-{n}";
        }

        return candidate;
    }
}
