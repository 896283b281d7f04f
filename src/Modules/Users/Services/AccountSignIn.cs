using Cms.Security;
using Microsoft.AspNetCore.Identity;

namespace Modules.Users.Services;

/// <summary>
/// Signs in by user name or e-mail. Every refusal looks the same to the visitor: unknown account,
/// disabled account, wrong password and paused (locked-out) account alike, so the page never tells
/// whether an account exists. Guessing is slowed by the SignIn rate limit (per address and per account
/// name, for a few minutes) rather than by Identity's lockout, so strangers failing on purpose cannot
/// keep an account shut for longer than the limit's window.
/// </summary>
public sealed class AccountSignIn(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, PasswordTimingGuard timing)
{
    public async Task<bool> PasswordSignInAsync(string userNameOrEmail, string password, bool remember)
    {
        var name = userNameOrEmail.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null && name.Contains('@', StringComparison.Ordinal))
        {
            user = await users.FindByEmailAsync(name);
        }

        if (user is null || !user.IsEnabled || await users.IsLockedOutAsync(user))
        {
            timing.Spend(password);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        return result.Succeeded;
    }
}
