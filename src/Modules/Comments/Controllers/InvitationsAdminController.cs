using Cms.Admin;
using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;
using Modules.Users;

namespace Modules.Comments.Controllers;

/// <summary>Invite members by e-mail and revoke invitations. Needs ManageUsers: an invitation makes an account.</summary>
[Admin]
[Route("admin/members/invitations")]
public sealed class InvitationsAdminController(
    Invitations invitations,
    ISiteService site,
    IPublicUrls urls,
    IAuthorizationService authorization,
    INotifier notifier,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
        => await authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers) ? await PageAsync(new InvitationsViewModel()) : Forbid();

    [HttpPost("")]
    [RateLimit(RateLimitRules.Invitation, AccountField = "Email")]
    public async Task<IActionResult> Send(InvitationsViewModel model)
    {
        if (!await authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers))
        {
            return Forbid();
        }

        // The link is made from the site's public address only; without one there is no link to send.
        var origin = await urls.BaseUrlAsync();
        var problem = origin.Length == 0
            ? "Set the site's public address (base URL) on the site settings page first: the invitation link is made from it."
            : await invitations.SendAsync(model.Email, User.Identity?.Name ?? "An administrator", origin);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(model.Email), problem);
            Response.StatusCode = 400;
            return await PageAsync(model);
        }

        notifier.Success($"An invitation is on its way to {model.Email!.Trim()}.");
        return Redirect("/admin/members/invitations");
    }

    [HttpPost("{id:long}/revoke")]
    public async Task<IActionResult> Revoke(long id)
    {
        if (!await authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers))
        {
            return Forbid();
        }

        if (await invitations.RevokeAsync(id))
        {
            notifier.Success("The invitation is revoked: its link no longer works.");
        }
        else
        {
            notifier.Error("That invitation was already used, revoked, or does not exist.");
        }

        return Redirect("/admin/members/invitations");
    }

    private async Task<IActionResult> PageAsync(InvitationsViewModel model)
    {
        model.Recent = await invitations.RecentAsync(50);
        model.Settings = (await site.GetAsync()).Registration();
        model.NowUtc = clock.GetUtcNow().UtcDateTime;
        ViewData["Title"] = "Invitations";
        return View("Invitations", model);
    }
}
