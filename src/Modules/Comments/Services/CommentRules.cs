using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Comments.Settings;

namespace Modules.Comments.Services;

/// <summary>The site's rules for a new comment: how soon a user may post again, and whether it waits for a moderator.</summary>
public sealed class CommentRules(LazyDbContext lazyDb, CommentText text)
{
    private CmsDbContext Db => lazyDb.Context;

    /// <summary>Seconds until the user may post again: read from the table, so the limit holds across nodes.</summary>
    public async Task<int> WaitSecondsAsync(string userId, CommentSettings settings, DateTime now)
    {
        if (settings.RateLimitSeconds == 0)
        {
            return 0;
        }

        var since = now.AddSeconds(-settings.RateLimitSeconds);
        var last = await Db.Set<Comment>().AsNoTracking()
            .Where(c => c.AuthorId == userId && c.CreatedUtc > since)
            .OrderByDescending(c => c.CreatedUtc)
            .Select(c => (DateTime?)c.CreatedUtc)
            .FirstOrDefaultAsync();
        return last is { } at ? (int)Math.Ceiling((at.AddSeconds(settings.RateLimitSeconds) - now).TotalSeconds) : 0;
    }

    /// <summary>Moderators are trusted; too many links always wait; else the approval mode decides.</summary>
    public async Task<CommentStatus> StatusForNewAsync(CommentRights author, CommentSettings settings, string markdown)
    {
        if (author.CanModerate)
        {
            return CommentStatus.Approved;
        }

        if (text.CountLinks(markdown) > settings.MaxLinks)
        {
            return CommentStatus.Pending;
        }

        return settings.ModerationMode switch
        {
            ModerationMode.None => CommentStatus.Approved,
            ModerationMode.All => CommentStatus.Pending,
            _ => await Db.Set<Comment>().AnyAsync(c => c.AuthorId == author.UserId && c.Status == CommentStatus.Approved)
                ? CommentStatus.Approved
                : CommentStatus.Pending,
        };
    }
}
