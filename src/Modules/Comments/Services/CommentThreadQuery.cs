using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>One page of a thread: its comments (all statuses; the builder decides what shows) and the counts.</summary>
public sealed record ThreadPage(IReadOnlyList<Comment> Comments, int ApprovedCount, int RootCount);

/// <summary>
/// Reads a thread page in two queries, whatever its size: the counts, then the page's top-level
/// comments with every reply under them (found by RootId). Top-level comments page oldest first.
/// </summary>
public sealed class CommentThreadQuery(CmsDbContext db)
{
    public async Task<ThreadPage> LoadAsync(string contentItemId, string? viewerId, int page, int pageSize)
    {
        var comments = db.Set<Comment>().AsNoTracking();
        var viewer = viewerId ?? "";

        // A top-level comment shows when readers may see it or something under it; the viewer also sees their own pending ones.
        var roots = comments.Where(c => c.ContentItemId == contentItemId && c.ParentId == null
            && (c.Status == CommentStatus.Approved
                || (c.Status == CommentStatus.Pending && c.AuthorId == viewer)
                || comments.Any(r => r.RootId == c.Id
                    && (r.Status == CommentStatus.Approved || (r.Status == CommentStatus.Pending && r.AuthorId == viewer)))));

        var counts = await comments.Where(c => c.ContentItemId == contentItemId)
            .GroupBy(c => c.ContentItemId)
            .Select(g => new
            {
                Approved = g.Count(c => c.Status == CommentStatus.Approved),
                Roots = g.Count(c => c.ParentId == null
                    && (c.Status == CommentStatus.Approved
                        || (c.Status == CommentStatus.Pending && c.AuthorId == viewer)
                        || comments.Any(r => r.RootId == c.Id
                            && (r.Status == CommentStatus.Approved || (r.Status == CommentStatus.Pending && r.AuthorId == viewer))))),
            })
            .FirstOrDefaultAsync();
        if (counts is null || counts.Roots == 0)
        {
            return new ThreadPage([], counts?.Approved ?? 0, 0);
        }

        var pageRoots = roots.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => (long?)c.Id);
        var rows = await comments
            .Where(c => c.ContentItemId == contentItemId && (pageRoots.Contains(c.Id) || pageRoots.Contains(c.RootId)))
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .ToListAsync();
        return new ThreadPage(rows, counts.Approved, counts.Roots);
    }

    /// <summary>The page of the thread a top-level comment is on, for sending its author to it.</summary>
    public async Task<int> PageOfAsync(Comment comment, string viewerId, int pageSize)
    {
        var rootId = comment.RootId ?? comment.Id;
        var root = comment.RootId is null ? comment : await db.Set<Comment>().AsNoTracking().FirstAsync(c => c.Id == rootId);
        var comments = db.Set<Comment>().AsNoTracking();
        var before = await comments.CountAsync(c => c.ContentItemId == root.ContentItemId && c.ParentId == null
            && (c.CreatedUtc < root.CreatedUtc || (c.CreatedUtc == root.CreatedUtc && c.Id < root.Id))
            && (c.Status == CommentStatus.Approved
                || (c.Status == CommentStatus.Pending && c.AuthorId == viewerId)
                || comments.Any(r => r.RootId == c.Id && r.Status == CommentStatus.Approved)));
        return (before / pageSize) + 1;
    }
}
