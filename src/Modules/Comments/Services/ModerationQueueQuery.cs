using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Comments.ViewModels;
using Modules.Markdown.Services;

namespace Modules.Comments.Services;

/// <summary>
/// One page of the moderation queue, filtered by status, post, author and words, newest first, with
/// each comment's post title and address: three queries, whatever the page size.
/// </summary>
public sealed class ModerationQueueQuery(CmsDbContext db, IContentManager contentManager, PostPaths paths, IMarkdownRenderer markdown)
{
    public async Task<(IReadOnlyList<QueueEntry> Entries, bool HasNext)> PageAsync(ModerationFilter filter, int pageSize)
    {
        var rows = await Filtered(filter)
            .OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync();
        var itemIds = rows.Select(c => c.ContentItemId).Distinct().ToList();
        var titles = await contentManager.Query()
            .Where(r => itemIds.Contains(r.ContentItemId) && (r.Published || r.Latest))
            .Select(r => new { r.ContentItemId, r.DisplayText, r.Published })
            .ToListAsync();
        var postPaths = await paths.PathsOfAsync(itemIds);
        var entries = rows.Take(pageSize).Select(c => new QueueEntry(
            c.Id, c.AuthorName, markdown.RenderUserContent(c.Markdown), c.CreatedUtc, c.Status, c.ContentItemId,
            titles.OrderByDescending(t => t.Published).FirstOrDefault(t => t.ContentItemId == c.ContentItemId)?.DisplayText ?? "(a deleted item)",
            postPaths.GetValueOrDefault(c.ContentItemId, "/"), c.ParentId is not null, c.EditedUtc is not null)).ToList();
        return (entries, rows.Count > pageSize);
    }

    private IQueryable<Comment> Filtered(ModerationFilter filter)
    {
        var query = db.Set<Comment>().AsNoTracking();
        query = filter.Status switch
        {
            "approved" => query.Where(c => c.Status == CommentStatus.Approved),
            "spam" => query.Where(c => c.Status == CommentStatus.Spam),
            "deleted" => query.Where(c => c.Status == CommentStatus.Deleted),
            "all" => query,
            _ => query.Where(c => c.Status == CommentStatus.Pending),
        };
        if (!string.IsNullOrWhiteSpace(filter.Post))
        {
            query = query.Where(c => c.ContentItemId == filter.Post.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            query = query.Where(c => c.AuthorName == filter.Author.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var words = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1862 // Translated to SQL lower(...) LIKE, which runs in the database, not in .NET.
            query = query.Where(c => c.Markdown.ToLower().Contains(words));
#pragma warning restore CA1304, CA1862
        }

        return query;
    }
}
