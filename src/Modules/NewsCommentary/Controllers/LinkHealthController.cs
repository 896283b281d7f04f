using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Controllers;

/// <summary>The broken source links report, and "Check now" for one post. Needs ViewSourceLinkHealth.</summary>
[Admin]
[Route("admin/source-links")]
public sealed class LinkHealthController(
    LinkHealthQuery query,
    QuoteDriftQuery drift,
    LinkChecker checker,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, string? filter = null)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ViewSourceLinkHealth))
        {
            return Forbid();
        }

        page = Math.Clamp(page, 1, 100_000);
        if (filter == QuoteDriftController.Filter)
        {
            ViewData["Title"] = "Changed quotes";
            return View("QuoteDrift", new QuoteDriftViewModel(await drift.PageAsync(page, PageSize), await drift.CountAsync()));
        }

        ViewData["Title"] = "Broken source links";
        return View("LinkHealth", new LinkHealthViewModel(await query.BrokenPageAsync(page, PageSize), await query.CountsAsync()));
    }

    [HttpPost("{contentItemId}/check")]
    public async Task<IActionResult> CheckNow(string contentItemId, int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ViewSourceLinkHealth))
        {
            return Forbid();
        }

        var back = page > 1 ? $"/admin/source-links?page={Math.Min(page, 100_000)}" : "/admin/source-links";
        var found = contentItemId.Length <= 26 ? await checker.CheckNowAsync(contentItemId, HttpContext.RequestAborted) : null;
        if (found is null)
        {
            notifier.Error("Nothing was checked: there is no published post with a source link by that id.");
        }
        else if (LinkHealthRules.IsBroken(found.Outcome))
        {
            notifier.Error($"Checked {found.Url}: still broken ({LinkHealthRules.Label(found.Outcome)}: {found.Message}).");
        }
        else
        {
            notifier.Success($"Checked {found.Url}: {LinkHealthRules.Label(found.Outcome)} ({found.Message}).");
        }

        return Redirect(back);
    }
}
