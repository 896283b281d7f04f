using Cms.Admin;
using Cms.Data;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;
using Modules.Markdown.Services;

namespace Modules.Comments.Controllers;

/// <summary>The moderation queue: comments filtered by status, post, author and words; approve, spam or delete in bulk. Needs ModerateComments.</summary>
[Admin]
[Route("admin/comments")]
public sealed class ModerationQueueController(
    CmsDbContext db,
    CommentModeration moderation,
    PostPaths paths,
    IMarkdownRenderer markdown,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    public const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ModerationFilter filter)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ModerateComments))
        {
            return Forbid();
        }

        filter.Page = Math.Clamp(filter.Page, 1, 100_000);
        var rows = await Filtered(filter)
            .OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync();
        var itemIds = rows.Select(c => c.ContentItemId).Distinct().ToList();
        var titles = await db.ContentItems.AsNoTracking()
            .Where(r => itemIds.Contains(r.ContentItemId) && (r.Published || r.Latest))
            .Select(r => new { r.ContentItemId, r.DisplayText, r.Published })
            .ToListAsync();
        var postPaths = await paths.PathsOfAsync(itemIds);
        var entries = rows.Take(PageSize).Select(c => new QueueEntry(
            c.Id, c.AuthorName, markdown.RenderUserContent(c.Markdown), c.CreatedUtc, c.Status, c.ContentItemId,
            titles.OrderByDescending(t => t.Published).FirstOrDefault(t => t.ContentItemId == c.ContentItemId)?.DisplayText ?? "(a deleted item)",
            postPaths.GetValueOrDefault(c.ContentItemId, "/"), c.ParentId is not null, c.EditedUtc is not null)).ToList();

        ViewData["Title"] = "Comments";
        var query = QueryString(filter);
        return View("ModerationQueue", new ModerationQueueViewModel
        {
            Filter = filter,
            Entries = entries,
            HasNext = rows.Count > PageSize,
            ReturnUrl = "/admin/comments" + QueryString(filter, filter.Page),
            QueryWithoutPage = query,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Bulk(string? decision, long[]? ids, string? returnUrl)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ModerateComments))
        {
            return Forbid();
        }

        var back = returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin/comments", StringComparison.Ordinal)
            ? returnUrl
            : "/admin/comments";
        var chosen = (ids ?? []).Distinct().ToList();
        CommentStatus? status = decision switch
        {
            "approve" => CommentStatus.Approved,
            "spam" => CommentStatus.Spam,
            "delete" => CommentStatus.Deleted,
            _ => null,
        };
        if (status is null)
        {
            notifier.Error("Choose Approve, Spam or Delete.");
        }
        else if (chosen.Count == 0)
        {
            notifier.Error("Nothing was changed: tick the comments to act on first.");
        }
        else if (chosen.Count > CommentModeration.MaxBulk)
        {
            notifier.Error($"Nothing was changed: act on at most {CommentModeration.MaxBulk} comments at a time.");
        }
        else
        {
            var changed = await moderation.SetStatusAsync(chosen, status.Value);
            var verb = status switch { CommentStatus.Approved => "approved", CommentStatus.Spam => "marked as spam", _ => "deleted" };
            notifier.Success($"{changed} {(changed == 1 ? "comment" : "comments")} {verb}.");
        }

        return Redirect(back);
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

    private static string QueryString(ModerationFilter filter, int? page = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["status"] = filter.Status, ["post"] = filter.Post, ["author"] = filter.Author, ["q"] = filter.Q,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
