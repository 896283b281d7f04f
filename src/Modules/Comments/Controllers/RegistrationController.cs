using Cms.Hosting;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// GET/POST /register: readers ask for their own account where the registration settings are Open
/// (member at once) or OpenWithApproval (a membership request for a moderator). The answer is the same
/// whether the name or address is free or taken: the e-mail to the address carries the link that makes
/// the account (<see cref="SignUpConfirmController"/>), or says why none was made. In the theme's layout.
/// </summary>
public sealed class RegistrationController(
    NewAccounts accounts,
    SignUps signUps,
    ISiteService site) : Controller
{
    [HttpGet("/register")]
    public async Task<IActionResult> Register()
    {
        var settings = (await site.GetAsync()).Registration();
        if (!settings.AllowsSignUp)
        {
            return Closed(settings);
        }

        return User.Identity?.IsAuthenticated == true
            ? Redirect("/members")
            : View("Register", new RegisterViewModel { NeedsApproval = settings.RegistrationMode == RegistrationMode.OpenWithApproval });
    }

    [HttpPost("/register")]
    [RateLimit(RateLimitRules.Registration, AccountField = "Email")]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        var settings = (await site.GetAsync()).Registration();
        if (!settings.AllowsSignUp)
        {
            return Closed(settings);
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect("/members");
        }

        model.NeedsApproval = settings.RegistrationMode == RegistrationMode.OpenWithApproval;
        foreach (var (field, error) in await accounts.CheckAsync(model.UserName, model.Email, model.Password, model.ConfirmPassword, checkTaken: false))
        {
            ModelState.AddModelError(field, error);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            model.Password = model.ConfirmPassword = null;
            return View("Register", model);
        }

        if (!await signUps.StartAsync(model.UserName!, model.Email!, model.Password!, model.Message))
        {
            Response.StatusCode = 503;
            return View("MembershipNotice", new MembershipNoticeViewModel("Sign-up is unavailable",
                "This site cannot send sign-up links until an administrator sets its public address. Please try again later."));
        }

        return View("MembershipNotice", new MembershipNoticeViewModel("Check your e-mail",
            $"We sent a message to {model.Email!.Trim()}. Open the link in it within {SignUps.LinkHours} hours to finish creating your account."));
    }

    private ViewResult Closed(RegistrationSettings settings)
    {
        Response.StatusCode = 403;
        var message = settings.RegistrationMode == RegistrationMode.InviteOnly
            ? "This site does not take sign-ups: membership is by invitation only."
            : "This site does not take sign-ups.";
        return View("MembershipNotice", new MembershipNoticeViewModel("Registration is closed", message, "Sign in", "/login"));
    }
}
