using Cms.Hosting;

namespace Modules.Users;

/// <summary>
/// The module's rate-limit rules and their defaults (README's table; RateLimits__{Rule}__* changes them).
/// Sign-in: 4 tries per account name in 5 minutes keeps an account's guessing under OWASP ASVS 2.2.1's
/// 100 failed attempts an hour, counting its name and its e-mail address as two names.
/// </summary>
public static class RateLimitRules
{
    public const string SignIn = "SignIn";
    public const string PasswordReset = "PasswordReset";

    public static RateLimitRule SignInDefaults => new(20, TimeSpan.FromMinutes(5), 4, TimeSpan.FromMinutes(5));
    public static RateLimitRule PasswordResetDefaults => new(5, TimeSpan.FromMinutes(15), 3, TimeSpan.FromHours(1));
}
