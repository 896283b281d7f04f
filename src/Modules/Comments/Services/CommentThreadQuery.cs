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
/// subqueries do not depend on the row, so the database works them out once. A visitor's page depends on
/// public content alone, and so does a member's who has no pending comment on the post (the only rows a
/// viewer sees that a visitor does not): both are kept until a comment changes (every comment written, edited,
/// deleted or moderated, pending ones included, moves the public-pages signal; see <see cref="CommentWriter"/>).
/// </summary>
public sealed class CommentThreadQuery(
    LazyDbContext lazyDb,
    PublicContentVersion version,
    PublicContentCache<ThreadPage> visitorPages,
    PublicContentCache<IReadOnlySet<string>> pendingAuthors)
{
    private CmsDbContext Db => lazyDb.Context;

    /// <summary>One comment, tracked, for its author to edit or delete through <see cref="CommentWriter"/>.</summary>
    public Task<Comment?> FindAsync(long id) => Db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id);

    public async Task<ThreadPage> LoadAsync(string contentItemId, string? viewerId, int page, int pageSize)
    {
        var current = await version.GetAsync();
        if (viewerId is not null && (await PendingAuthorsAsync(current, contentItemId)).Contains(viewerId))
        {
            return await ReadAsync(contentItemId, viewerId, page, pageSize);
        }

        return await visitorPages.GetOrBuildAsync(current, $"{contentItemId}/{page}/{pageSize}", () => ReadAsync(contentItemId, null, page, pageSize));
    }

    /// <summary>Who has a comment awaiting moderation on the item: kept per version, as the thread is.</summary>
    private Task<IReadOnlySet<string>> PendingAuthorsAsync(long current, string contentItemId)
        => pendingAuthors.GetOrBuildAsync(current, "pending-authors/" + contentItemId, async () =>
            (IReadOnlySet<string>)(await Db.Set<Comment>().AsNoTracking()
                .Where(c => c.ContentItemId == contentItemId && c.Status == CommentStatus.Pending)
                .Select(c => c.AuthorId).Distinct().ToListAsync()).ToHashSet(StringComparer.Ordinal));

    private async Task<ThreadPage> ReadAsync(string contentItemId, string? viewerId, int page, int pageSize)
    {
        var comments = Db.Set<Comment>().AsNoTracking();
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
        var comments = Db.Set<Comment>().AsNoTracking();
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
