using Cms.Content;
using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>A moderator's changes: comments' statuses in bulk, and closing or reopening a post's thread.</summary>
public sealed class CommentModeration(CmsDbContext db, IContentManager contentManager, IPublicCache publicCache)
{
    public const int MaxBulk = 200;

    /// <summary>Sets the status of the comments; returns how many changed.</summary>
    public async Task<int> SetStatusAsync(IReadOnlyCollection<long> ids, CommentStatus status)
    {
        var comments = await db.Set<Comment>().Where(c => ids.Contains(c.Id) && c.Status != status).ToListAsync();
        if (comments.Count == 0)
        {
            return 0;
        }

        // Every status change moves the signal, a pending comment's too: a member's page shows their own pending
        // comments from the thread kept under it (CommentThreadQuery).
        db.AfterCommit(publicCache.EvictAllAsync);

        foreach (var comment in comments)
        {
            comment.Status = status;
        }

        await db.SaveChangesAsync();
        return comments.Count;
    }

    /// <summary>
    /// Opens or closes the item's thread. Moderation is not an edit of the post: the switch is changed in
    /// the live versions themselves (published and draft), so no new version is made and a draft
    /// published later keeps the moderator's choice.
    /// </summary>
    public async Task SetOpenAsync(string contentItemId, bool open)
    {
        var live = new List<ContentItem>();
        foreach (var options in new[] { VersionOptions.Published, VersionOptions.Latest })
        {
            if (await contentManager.GetAsync(contentItemId, options) is { } version
                && live.All(v => v.ContentItemVersionId != version.ContentItemVersionId)
                && (version.As<CommentsPart>()?.Open ?? true) != open)
            {
                live.Add(version.Alter<CommentsPart>(p => p.Open = open));
            }
        }

        if (live.Count > 0)
        {
            // Import updates a version in place (same version id) and evicts readers' cached pages.
            await contentManager.ImportAsync(live);
        }
    }
}
