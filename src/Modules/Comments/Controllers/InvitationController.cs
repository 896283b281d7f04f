using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// GET/POST /members/invitation?token=: the invited reader accepts, as the account they are signed in
/// to, or by creating one for the invited address (the link proves they own it). The link works once.
/// </summary>
public sealed class InvitationController(
    Invitations invitations,
    NewAccounts accounts,
    UserManager<CmsUser> users,
    SignInManager<CmsUser> signIn,
    INotifier notifier) : Controller
{
    public const string InvalidLinkMessage = "This invitation link is not valid: it may have expired, been used already or been replaced by a newer one. Ask for a new invitation.";

    [HttpGet(Invitations.AcceptPath)]
    public async Task<IActionResult> Accept(string? token)
    {
        var invitation = await invitations.FindUsableAsync(token);
        return invitation is null ? Invalid() : View("Invitation", await ModelAsync(invitation, token!));
    }

    [HttpPost(Invitations.AcceptPath)]
    [RateLimit(RateLimitRules.Invitation)]
    public async Task<IActionResult> Accept(InvitationViewModel form)
    {
        var invitation = await invitations.FindUsableAsync(form.Token);
        if (invitation is null)
        {
            return Invalid();
        }

        if (await users.GetUserAsync(User) is { } current)
        {
            try
            {
                await invitations.AcceptAsync(invitation, current);
            }
            catch (InvitationUsedException)
            {
                return Invalid();
            }

            await signIn.RefreshSignInAsync(current);
            return Welcome();
        }

        var model = await ModelAsync(invitation, form.Token!);
        if (model.AccountExists)
        {
            Response.StatusCode = 400;
            return View("Invitation", model);
        }

        foreach (var (field, error) in await accounts.CheckAsync(form.UserName, invitation.Email, form.Password, form.ConfirmPassword))
        {
            ModelState.AddModelError(field, error);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            model.UserName = form.UserName;
            return View("Invitation", model);
        }

        CmsUser user;
        try
        {
            user = await invitations.AcceptWithNewAccountAsync(invitation, form.UserName!, form.Password!);
        }
        catch (InvitationUsedException)
        {
            // Accepted in another request meanwhile: the account made here was rolled back with it.
            return Invalid();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Welcome();
    }

    private async Task<InvitationViewModel> ModelAsync(Invitation invitation, string token) => new()
    {
        Token = token,
        Email = invitation.Email,
        AccountExists = User.Identity?.IsAuthenticated != true && await users.FindByEmailAsync(invitation.Email) is not null,
    };

    private RedirectResult Welcome()
    {
        notifier.Success("Welcome! You are now a member: you can comment on the posts.");
        return Redirect("/members");
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = 400;
        return View("MembershipNotice", new MembershipNoticeViewModel("Invitation not valid", InvalidLinkMessage));
    }
}
