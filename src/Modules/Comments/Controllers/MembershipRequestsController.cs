using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;
using Modules.Email.Services;

namespace Modules.Comments.Controllers;

/// <summary>Moderators approve or decline requests to become a member. Needs ModerateComments.</summary>
[Admin]
[Route("admin/members/requests")]
public sealed class MembershipRequestsController(
    Membership membership,
    IEmailSender email,
    ISiteService site,
    IPublicUrls urls,
    IAuthorizationService authorization,
    INotifier notifier,
    ILogger<MembershipRequestsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ModerateComments))
        {
            return Forbid();
        }

        var wanted = status switch
        {
            "approved" => MembershipRequestStatus.Approved,
            "declined" => MembershipRequestStatus.Declined,
            _ => MembershipRequestStatus.Pending,
        };
        var requests = await membership.RequestsAsync(wanted, 200);
        ViewData["Title"] = "Membership requests";
        return View("MembershipRequests", new MembershipRequestsViewModel { Status = wanted.ToString().ToLowerInvariant(), Requests = requests });
    }

    [HttpPost("{id:long}/approve")]
    public Task<IActionResult> Approve(long id) => DecideAsync(id, approve: true);

    [HttpPost("{id:long}/decline")]
    public Task<IActionResult> Decline(long id) => DecideAsync(id, approve: false);

    private async Task<IActionResult> DecideAsync(long id, bool approve)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ModerateComments))
        {
            return Forbid();
        }

        var request = await membership.FindPendingAsync(id);
        if (request is null)
        {
            notifier.Error("That request was already decided, or does not exist.");
            return Redirect("/admin/members/requests");
        }

        var user = await membership.DecideAsync(request, approve, User.Identity?.Name ?? "");
        if (approve && user is null)
        {
            notifier.Error($"{request.UserName}'s account no longer exists; the request is declined.");
        }
        else if (approve)
        {
            await TellApprovedAsync(user!);
            notifier.Success($"{request.UserName} is now a member.");
        }
        else
        {
            notifier.Success($"{request.UserName}'s request is declined.");
        }

        return Redirect("/admin/members/requests");
    }

    /// <summary>Best effort: the decision stands whether or not the mail goes out; the log says when it did not.</summary>
    private async Task TellApprovedAsync(CmsUser user)
    {
        if (string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        var settings = await site.GetAsync();
        // A site without a base URL yet (set up before it existed) sends the news without a link.
        var origin = await urls.BaseUrlAsync();
        var text = origin.Length == 0
            ? $"Your request to become a member of {settings.SiteName} is approved. Sign in to comment on the posts."
            : $"""
            Your request to become a member of {settings.SiteName} is approved. Sign in to comment on the posts:

            {origin}/login
            """;
        var sent = await email.SendAsync(new EmailMessage(user.Email, $"You are a member of {settings.SiteName}", text));
        if (!sent.Succeeded)
        {
            logger.LogWarning("The approval message to user {UserId} was not sent: {Error}", user.Id, sent.Error);
        }
    }
}
