using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Modules.Email.Services;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>
/// "Forgot your password?": mails a reset link carrying Identity's token. The answer is the same
/// whether or not an account has that address, so the form cannot be used to find accounts.
/// </summary>
public sealed class PasswordResetController(
    UserManager<CmsUser> users,
    IEmailSender email,
    ISiteService site,
    IPublicUrls urls,
    INotifier notifier,
    ILogger<PasswordResetController> logger) : Controller
{
    public const string InvalidLinkMessage = "This link is not valid or has expired. Ask for a new one.";

    [HttpGet("/account/forgot-password")]
    public IActionResult Forgot() => View("ForgotPassword", new ForgotPasswordViewModel());

    [HttpPost("/account/forgot-password")]
    [RateLimit(RateLimitRules.PasswordReset, AccountField = "Email")]
    public async Task<IActionResult> Forgot(ForgotPasswordViewModel model)
    {
        var address = model.Email?.Trim() ?? "";
        if (address.Length is 0 or > 256 || !address.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(model.Email), "Enter the e-mail address of your account.");
            return View("ForgotPassword", model);
        }

        var user = await users.FindByEmailAsync(address);
        if (user is { IsEnabled: true, Email: not null })
        {
            await SendLinkAsync(user);
        }

        return View("ForgotPassword", new ForgotPasswordViewModel { Email = address, Sent = true });
    }

    [HttpGet("/account/reset-password")]
    public IActionResult Reset(string? userId, string? token)
        => View("ResetPassword", new ResetPasswordViewModel { UserId = userId, Token = token });

    [HttpPost("/account/reset-password")]
    public async Task<IActionResult> Reset(ResetPasswordViewModel model)
    {
        PasswordForm.CheckNew(ModelState, model.NewPassword, model.ConfirmPassword);
        var user = string.IsNullOrEmpty(model.UserId) ? null : await users.FindByIdAsync(model.UserId);
        if (user is not { IsEnabled: true } || string.IsNullOrEmpty(model.Token))
        {
            ModelState.AddModelError("", InvalidLinkMessage);
        }

        if (ModelState.IsValid)
        {
            var result = await users.ResetPasswordAsync(user!, model.Token!, model.NewPassword!);
            if (result.Succeeded)
            {
                // Proving the address is enough to end a pause brought on by someone guessing.
                await users.SetLockoutEndDateAsync(user!, null);
                await users.ResetAccessFailedCountAsync(user!);
                notifier.Success("Your new password is set. Sign in with it.");
                return Redirect("/login");
            }

            foreach (var error in result.Errors)
            {
                var invalidToken = error.Code == nameof(IdentityErrorDescriber.InvalidToken);
                ModelState.AddModelError(invalidToken ? "" : PasswordForm.NewPassword, invalidToken ? InvalidLinkMessage : error.Description);
            }
        }

        return View("ResetPassword", new ResetPasswordViewModel { UserId = model.UserId, Token = model.Token });
    }

    private async Task SendLinkAsync(CmsUser user)
    {
        var settings = await site.GetAsync();

        // The site's configured public address only: a forged Host header must not choose where the link points.
        var origin = await urls.BaseUrlAsync();
        if (origin.Length == 0)
        {
            logger.LogError("The password reset link for user {UserId} was not sent: the site has no public base URL (site settings, or Cms__BaseUrl)", user.Id);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{origin}/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var text = $"""
            Someone asked to reset the password of the account "{user.UserName}" on {settings.SiteName}.

            To choose a new password, open this link within a day:

            {link}

            If it was not you, ignore this message: your password stays as it is.
            """;
        var result = await email.SendAsync(new EmailMessage(user.Email!, $"Reset your password on {settings.SiteName}", text));
        if (!result.Succeeded)
        {
            // The visitor gets the same answer either way; the site's log says what went wrong.
            logger.LogError("The password reset link for user {UserId} was not sent: {Error}", user.Id, result.Error);
        }
    }
}
