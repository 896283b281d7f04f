using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>A signed-in user changes their own password, proving they know the current one.</summary>
public sealed class PasswordController(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, INotifier notifier) : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Change()
        => User.Identity?.IsAuthenticated == true ? View("ChangePassword", new ChangePasswordViewModel()) : Challenge();

    [HttpPost("/account/password")]
    [RateLimit(RateLimitRules.SignIn, BySignedInUser = true)]
    public async Task<IActionResult> Change(ChangePasswordViewModel model)
    {
        var user = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), "Enter your current password.");
        }

        PasswordForm.CheckNew(ModelState, model.NewPassword, model.ConfirmPassword);
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword!, model.NewPassword!);
            if (result.Succeeded)
            {
                // The password change renewed the security stamp; keep this session, end the others.
                await signIn.RefreshSignInAsync(user);
                notifier.Success("Your password has been changed.");
                return Redirect("/account/password");
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword);
                ModelState.AddModelError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "The current password is incorrect." : error.Description);
            }
        }

        return View("ChangePassword", new ChangePasswordViewModel());
    }
}
