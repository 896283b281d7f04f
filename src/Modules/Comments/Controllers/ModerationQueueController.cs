using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>The moderation queue: comments filtered by status, post, author and words; approve, spam or delete in bulk. Needs ModerateComments.</summary>
[Admin]
[Route("admin/comments")]
public sealed class ModerationQueueController(
    ModerationQueueQuery queue,
    CommentModeration moderation,
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
        var (entries, hasNext) = await queue.PageAsync(filter, PageSize);

        ViewData["Title"] = "Comments";
        var query = QueryString(filter);
        return View("ModerationQueue", new ModerationQueueViewModel
        {
            Filter = filter,
            Entries = entries,
            HasNext = hasNext,
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
