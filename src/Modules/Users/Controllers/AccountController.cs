using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Modules.Users.Services;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>Sign-in and sign-out, in the site theme's layout.</summary>
public sealed class AccountController(AccountSignIn accountSignIn, SignInManager<CmsUser> signIn, IOptions<RateLimitOptions> limits) : Controller
{
    public const string RefusedMessage = "The user name or password is incorrect.";

    [HttpGet("/login")]
    public IActionResult Login(string? returnUrl)
        => View("Login", new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("/login")]
    [RateLimit(RateLimitRules.SignIn, AccountField = "UserName")]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (string.IsNullOrWhiteSpace(model.UserName))
        {
            ModelState.AddModelError(nameof(model.UserName), "Enter your user name or e-mail address.");
        }

        if (string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), "Enter your password.");
        }

        if (ModelState.IsValid && await accountSignIn.PasswordSignInAsync(model.UserName!, model.Password!, model.RememberMe))
        {
            return Redirect(LocalOrHome(model.ReturnUrl));
        }

        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", RefusedMessage);
            model.PauseHint = limits.Value.Find(RateLimitRules.SignIn) is { AccountPermitLimit: > 0 } rule
                ? $"After {rule.AccountPermitLimit} attempts for one account within {RateLimitText.Duration(rule.AccountWindow)}, signing in to it waits until that time is over."
                : null;
        }

        model.Password = null;
        return View("Login", model);
    }

    [HttpPost("/logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    /// <summary>Only a path on this site: "//evil.example", "/\evil.example" and absolute URLs go home instead.</summary>
    private string LocalOrHome(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
