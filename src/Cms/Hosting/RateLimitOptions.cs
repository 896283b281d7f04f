using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Hosting;

/// <summary>
/// The rate-limit rules by name. Each module declares the rules of its actions with their default
/// numbers (<see cref="RateLimitServiceExtensions.AddRateLimitRule"/>); the "RateLimits" configuration
/// section changes them (RateLimits__SignIn__PermitLimit=20). A rule limits requests per client address
/// (PermitLimit per Window) and per target account (AccountPermitLimit per AccountWindow). Limits are
/// kept in each node's memory.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests from one address (RateLimits__Enabled=false).</summary>
    public bool Enabled { get; set; } = true;

    public Dictionary<string, RateLimitRule> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RateLimitRule? Find(string rule) => Rules.GetValueOrDefault(rule);
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

public static class RateLimitServiceExtensions
{
    /// <summary>Declares a rule with its default numbers; RateLimits:{name}:* in configuration changes them.</summary>
    public static IServiceCollection AddRateLimitRule(this IServiceCollection services, string name, RateLimitRule defaults)
    {
        services.AddOptions<RateLimitOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var rule = new RateLimitRule(defaults.PermitLimit, defaults.Window, defaults.AccountPermitLimit, defaults.AccountWindow);
            configuration.GetSection($"{RateLimitOptions.Section}:{name}").Bind(rule);
            options.Rules[name] = rule;
        });
        return services;
    }
}
