using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>One page of a thread: its comments (all statuses; the builder decides what shows) and the counts.</summary>
public sealed record ThreadPage(IReadOnlyList<Comment> Comments, int ApprovedCount, int RootCount);

/// <summary>
/// Reads a thread page in one query, whatever its size: the page's top-level comments (oldest first)
/// with every reply under them (found by RootId), each row carrying the thread's counts. The counts'
/// subqueries do not depend on the row, so the database works them out once. A visitor's page (no pending
/// comments of their own) depends on public content alone: it is kept until that content changes (every
/// comment readers see, edit, deletion and moderation moves the public-pages signal).
/// </summary>
public sealed class CommentThreadQuery(CmsDbContext db, PublicContentVersion version, PublicContentCache<ThreadPage> visitorPages)
{
    /// <summary>One comment, tracked, for its author to edit or delete through <see cref="CommentWriter"/>.</summary>
    public Task<Comment?> FindAsync(long id) => db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id);

    public async Task<ThreadPage> LoadAsync(string contentItemId, string? viewerId, int page, int pageSize)
        => viewerId is null
            ? await visitorPages.GetOrBuildAsync(await version.GetAsync(), $"{contentItemId}/{page}/{pageSize}", () => ReadAsync(contentItemId, null, page, pageSize))
            : await ReadAsync(contentItemId, viewerId, page, pageSize);

    private async Task<ThreadPage> ReadAsync(string contentItemId, string? viewerId, int page, int pageSize)
    {
        var comments = db.Set<Comment>().AsNoTracking();
        var roots = VisibleRoots(comments, contentItemId, viewerId ?? "");
        var pageRoots = roots.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => (long?)c.Id);
        var rows = await comments
            .Where(c => c.ContentItemId == contentItemId && (pageRoots.Contains(c.Id) || pageRoots.Contains(c.RootId)))
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Select(c => new
            {
                Comment = c,
                Approved = comments.Count(a => a.ContentItemId == contentItemId && a.Status == CommentStatus.Approved),
                Roots = roots.Count(),
            })
            .ToListAsync();
        if (rows.Count > 0)
        {
            return new ThreadPage(rows.Select(r => r.Comment).ToList(), rows[0].Approved, rows[0].Roots);
        }

        // An empty first page means an empty thread: an approved comment always shows its top-level comment.
        if (page == 1)
        {
            return new ThreadPage([], 0, 0);
        }

        // A page past the end (an old link): the counts alone, for the heading and the pager.
        var approved = await comments.CountAsync(a => a.ContentItemId == contentItemId && a.Status == CommentStatus.Approved);
        return new ThreadPage([], approved, await roots.CountAsync());
    }

    /// <summary>The page of the thread a comment's top-level comment is on, for sending its author to it.</summary>
    public async Task<int> PageOfAsync(Comment comment, string viewerId, int pageSize)
    {
        var comments = db.Set<Comment>().AsNoTracking();
        var root = comment.RootId is { } rootId ? await comments.FirstAsync(c => c.Id == rootId) : comment;
        var before = await VisibleRoots(comments, root.ContentItemId, viewerId)
            .CountAsync(c => c.CreatedUtc < root.CreatedUtc || (c.CreatedUtc == root.CreatedUtc && c.Id < root.Id));
        return (before / pageSize) + 1;
    }

    /// <summary>
    /// Top-level comments that show: readers may see them or something under them; the viewer also
    /// sees their own pending ones.
    /// </summary>
    private static IQueryable<Comment> VisibleRoots(IQueryable<Comment> comments, string contentItemId, string viewer)
        => comments.Where(c => c.ContentItemId == contentItemId && c.ParentId == null
            && (c.Status == CommentStatus.Approved
                || (c.Status == CommentStatus.Pending && c.AuthorId == viewer)
                || comments.Any(r => r.RootId == c.Id
                    && (r.Status == CommentStatus.Approved || (r.Status == CommentStatus.Pending && r.AuthorId == viewer)))));
}
