namespace Cms.Hosting;

/// <summary>
/// The limits of each rule, from the "RateLimits" configuration section (RateLimits__SignIn__PermitLimit=20).
/// A rule limits requests per client address (PermitLimit per Window) and per target account
/// (AccountPermitLimit per AccountWindow). Limits are kept in each node's memory.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests on one address (RateLimits__Enabled=false).</summary>
    public bool Enabled { get; set; } = true;

    // The defaults keep a person who mistypes inside the limits, and an account's guessing under OWASP
    // ASVS 2.2.1's 100 failed attempts an hour: 4 per 5 minutes by its name plus 4 by its e-mail address.
    public RateLimitRule SignIn { get; set; } = new(20, TimeSpan.FromMinutes(5), 4, TimeSpan.FromMinutes(5));
    public RateLimitRule Registration { get; set; } = new(5, TimeSpan.FromHours(1), 3, TimeSpan.FromHours(1));
    public RateLimitRule PasswordReset { get; set; } = new(5, TimeSpan.FromMinutes(15), 3, TimeSpan.FromHours(1));
    public RateLimitRule Invitation { get; set; } = new(50, TimeSpan.FromHours(1), 3, TimeSpan.FromDays(1));
    public RateLimitRule Comment { get; set; } = new(20, TimeSpan.FromMinutes(1), 6, TimeSpan.FromMinutes(1));

    public RateLimitRule? Find(string rule) => rule switch
    {
        RateLimitRules.SignIn => SignIn,
        RateLimitRules.Registration => Registration,
        RateLimitRules.PasswordReset => PasswordReset,
        RateLimitRules.Invitation => Invitation,
        RateLimitRules.Comment => Comment,
        _ => null,
    };
}

/// <summary>One rule's numbers. A limit of 0 turns that half of the rule off.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, TimeSpan window, int accountPermitLimit, TimeSpan accountWindow)
    {
        PermitLimit = permitLimit;
        Window = window;
        AccountPermitLimit = accountPermitLimit;
        AccountWindow = accountWindow;
    }

    /// <summary>Requests from one client address per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>Requests about one account (from any address) per <see cref="AccountWindow"/>.</summary>
    public int AccountPermitLimit { get; set; }

    public TimeSpan AccountWindow { get; set; }
}

/// <summary>The names of the rules, as <see cref="RateLimitAttribute"/> and the configuration use them.</summary>
public static class RateLimitRules
{
    public const string SignIn = nameof(RateLimitOptions.SignIn);
    public const string Registration = nameof(RateLimitOptions.Registration);
    public const string PasswordReset = nameof(RateLimitOptions.PasswordReset);
    public const string Invitation = nameof(RateLimitOptions.Invitation);
    public const string Comment = nameof(RateLimitOptions.Comment);
}
