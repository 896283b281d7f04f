using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Comments.Settings;

namespace Modules.Comments.Services;

/// <summary>
/// Posts, edits and deletes comments for their authors. Everything is checked before anything is
/// written; every change, a pending comment's too, moves the public-pages signal once it is stored (a member's own
/// pending comments show on their page, whose thread is kept under that signal: see <see cref="CommentThreadQuery"/>).
/// </summary>
public sealed class CommentWriter(CmsDbContext db, CommentText text, CommentPolicy policy, CommentRules rules, IPublicCache publicCache, CommentMetrics metrics, TimeProvider clock)
{
    public async Task<CommentResult> PostAsync(CommentTarget target, CommentRights author, CommentSettings settings, string? body, long? parentId)
    {
        if (!target.TakesComments)
        {
            return CommentResult.Refused($"“{target.Title}” does not take comments.");
        }

        if (!target.IsOpen)
        {
            return CommentResult.Refused($"Comments on “{target.Title}” are closed.");
        }

        var markdown = CommentText.Normalize(body);
        if (CommentText.Problem(markdown, settings) is { } problem)
        {
            return CommentResult.BadBody(problem);
        }

        var comment = new Comment
        {
            ContentItemId = target.Item.ContentItemId,
            AuthorId = author.UserId!,
            AuthorName = author.UserName,
            Markdown = markdown,
        };
        if (parentId is { } id && await ReplyProblemAsync(comment, id, target, settings) is { } replyProblem)
        {
            return CommentResult.Refused(replyProblem);
        }

        // The check and the write are one transaction that the database serialises per author, so
        // parallel posts cannot all pass the check before any of them is stored.
        var result = await db.InTransactionAsync(async () =>
        {
            await db.SerializeAsync("comment-post:" + author.UserId);
            var now = clock.GetUtcNow().UtcDateTime;
            if (await rules.WaitSecondsAsync(author.UserId!, settings, now) is > 0 and var wait)
            {
                return CommentResult.TooSoon(
                    $"You are commenting too quickly: one comment every {settings.RateLimitSeconds} seconds. Wait {wait} {(wait == 1 ? "second" : "seconds")}, then post again.",
                    wait);
            }

            comment.CreatedUtc = now;
            comment.Status = await rules.StatusForNewAsync(author, settings, markdown);
            db.Set<Comment>().Add(comment);
            Evict();
            await db.SaveChangesAsync();
            return CommentResult.Ok(comment);
        });

        // Counted once committed: a rolled-back post is no comment.
        if (result.Succeeded)
        {
            metrics.Posted(comment.Status);
        }

        return result;
    }

    public async Task<CommentResult> EditAsync(Comment comment, CommentRights author, CommentSettings settings, string? body)
    {
        if (policy.WhyNotChange(author, comment, settings) is { } why)
        {
            return new CommentResult(null, 403, why);
        }

        var markdown = CommentText.Normalize(body);
        if (CommentText.Problem(markdown, settings) is { } problem)
        {
            return CommentResult.BadBody(problem);
        }

        comment.Markdown = markdown;
        comment.EditedUtc = clock.GetUtcNow().UtcDateTime;

        // A trusted author stays approved; where every comment is moderated, or the edit adds too many
        // links, the changed text waits for a moderator (else an approved comment could be turned into spam).
        if (!author.CanModerate && (settings.ModerationMode == ModerationMode.All || text.CountLinks(markdown) > settings.MaxLinks))
        {
            comment.Status = CommentStatus.Pending;
        }

        Evict();
        await db.SaveChangesAsync();
        return CommentResult.Ok(comment);
    }

    public async Task<CommentResult> DeleteAsync(Comment comment, CommentRights author, CommentSettings settings)
    {
        if (policy.WhyNotChange(author, comment, settings) is { } why)
        {
            return new CommentResult(null, 403, why);
        }

        Evict();
        comment.Status = CommentStatus.Deleted;
        await db.SaveChangesAsync();
        return CommentResult.Ok(comment);
    }

    private async Task<string?> ReplyProblemAsync(Comment reply, long parentId, CommentTarget target, CommentSettings settings)
    {
        var parent = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId);
        if (parent is null || parent.Status is CommentStatus.Deleted or CommentStatus.Spam)
        {
            return "The comment you are replying to does not exist.";
        }

        if (parent.ContentItemId != target.Item.ContentItemId)
        {
            return "The comment you are replying to belongs to another post.";
        }

        if (parent.Status != CommentStatus.Approved)
        {
            return "You can reply only to a published comment; this one is awaiting moderation.";
        }

        if (parent.Depth >= settings.ReplyDepth)
        {
            return settings.ReplyDepth == 0
                ? "This site takes no replies to comments."
                : $"Replies go at most {settings.ReplyDepth} {(settings.ReplyDepth == 1 ? "level" : "levels")} deep; reply to an earlier comment instead.";
        }

        reply.ParentId = parent.Id;
        reply.RootId = parent.RootId ?? parent.Id;
        reply.Depth = parent.Depth + 1;
        return null;
    }

    /// <summary>
    /// Readers' cached pages show approved comments only, but the kept threads also stand for members' pages, which
    /// show the member's own pending comments: so a pending comment's change moves the signal too.
    /// </summary>
    private void Evict() => db.AfterCommit(publicCache.EvictAllAsync);
}
