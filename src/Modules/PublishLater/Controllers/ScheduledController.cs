using System.Security.Claims;
using Cms.Admin;
using Cms.Content;
using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents;
using Modules.PublishLater.Models;
using Modules.PublishLater.Services;
using Modules.PublishLater.ViewModels;

namespace Modules.PublishLater.Controllers;

/// <summary>The list of scheduled drafts, and unscheduling one (the draft stays a draft).</summary>
[Admin]
public sealed class ScheduledController(
    ScheduledQuery scheduled,
    IContentManager contentManager,
    ISiteService site,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    [HttpGet("/admin/contents/scheduled")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, ContentPermissions.EditOwnContent) is { } denied)
        {
            return denied;
        }

        var ownerId = await authorization.AuthorizeAsync(User, ContentPermissions.ListContent) ? null : User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var zone = (await site.GetAsync()).TimeZone();
        ViewData["Title"] = "Scheduled posts";
        return View("Scheduled", new ScheduledListViewModel(await scheduled.ListAsync(ownerId), zone));
    }

    [HttpPost("/admin/contents/{id}/unschedule")]
    public async Task<IActionResult> Unschedule(string id, string? returnUrl)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        if (await this.DenyUnlessAsync(authorization, ContentPermissions.PublishContent, item) is { } denied)
        {
            return denied;
        }

        if (item.Published || item.As<PublishLaterPart>()?.ScheduledPublishUtc is null)
        {
            notifier.Error($"“{item.DisplayText}” is not scheduled.");
        }
        else
        {
            item.Alter<PublishLaterPart>(p => p.ScheduledPublishUtc = null);
            await contentManager.SaveDraftAsync(item);
            notifier.Success($"“{item.DisplayText}” is no longer scheduled; it stays a draft.");
        }

        return Redirect(returnUrl == "list" ? "/admin/contents/scheduled" : $"/admin/contents/{id}/edit");
    }
}
