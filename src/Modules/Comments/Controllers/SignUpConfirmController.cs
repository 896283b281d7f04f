using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// GET/POST /register/confirm?token=: the link mailed by sign-up. Opening it shows one button (so a mail
/// scanner fetching the link makes nothing); pressing it makes the account, with the address confirmed,
/// files the membership as the registration settings say, and signs the reader in. The link works once.
/// </summary>
public sealed class SignUpConfirmController(
    SignUps signUps,
    SignInManager<CmsUser> signIn,
    ISiteService site,
    INotifier notifier) : Controller
{
    public const string InvalidLinkMessage = "This sign-up link is not valid: it may have expired or been used already. Sign up again to get a new one.";

    [HttpGet(SignUps.ConfirmPath)]
    public async Task<IActionResult> Confirm(string? token)
    {
        var pending = await signUps.FindUsableAsync(token);
        return pending is null ? Invalid() : View("SignUpConfirm", new SignUpConfirmViewModel { Token = token, UserName = pending.UserName, Email = pending.Email });
    }

    [HttpPost(SignUps.ConfirmPath)]
    [RateLimit(RateLimitRules.Registration)]
    public async Task<IActionResult> Confirm(SignUpConfirmViewModel form)
    {
        var settings = (await site.GetAsync()).Registration();
        var pending = await signUps.FindUsableAsync(form.Token);
        if (pending is null || !settings.AllowsSignUp)
        {
            return Invalid();
        }

        var needsApproval = settings.RegistrationMode == RegistrationMode.OpenWithApproval;
        CmsUser? user;
        try
        {
            user = await signUps.CompleteAsync(pending, grantAtOnce: !needsApproval);
        }
        catch (SignUpTakenException ex)
        {
            Response.StatusCode = 409;
            return View("MembershipNotice", new MembershipNoticeViewModel("Choose another user name",
                $"The user name '{ex.UserName}' or your address was taken after you signed up, so no account was made.", "Sign up again", "/register"));
        }

        if (user is null)
        {
            return Invalid();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        notifier.Success(needsApproval
            ? "Your account is ready. A moderator will look at your request to become a member; until then you can read but not comment."
            : "Welcome! Your account is ready and you are a member: you can comment on the posts.");
        return Redirect("/members");
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = 400;
        return View("MembershipNotice", new MembershipNoticeViewModel("Sign-up link not valid", InvalidLinkMessage, "Sign up", "/register"));
    }
}
