using Cms.Hosting;
using Cms.Data;
using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// GET/POST /register: readers create their own account where the registration settings are Open
/// (member at once) or OpenWithApproval (a membership request for a moderator). In the theme's layout.
/// </summary>
public sealed class RegistrationController(
    NewAccounts accounts,
    Membership membership,
    CmsDbContext db,
    SignInManager<CmsUser> signIn,
    ISiteService site,
    INotifier notifier) : Controller
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
        foreach (var (field, error) in await accounts.CheckAsync(model.UserName, model.Email, model.Password, model.ConfirmPassword))
        {
            ModelState.AddModelError(field, error);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            model.Password = model.ConfirmPassword = null;
            return View("Register", model);
        }

        var user = await db.InTransactionAsync(async () =>
        {
            var created = await accounts.CreateAsync(model.UserName!, model.Email!, model.Password!, emailConfirmed: false);
            await membership.FileAsync(created, model.Message, grantAtOnce: !model.NeedsApproval);
            return created;
        });
        await signIn.SignInAsync(user, isPersistent: false);
        notifier.Success(model.NeedsApproval
            ? "Your account is ready. A moderator will look at your request to become a member; until then you can read but not comment."
            : "Welcome! Your account is ready and you are a member: you can comment on the posts.");
        return Redirect("/members");
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
