namespace Cms.Hosting;

/// <summary>
/// Puts an action under a rate-limit rule its module declared (<see cref="RateLimitServiceExtensions.AddRateLimitRule"/>):
/// counted per client address and, when the request names an account, per account too. Only POSTs
/// count; a request over either limit gets 429 with Retry-After.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RateLimitAttribute(string rule) : Attribute
{
    public string Rule { get; } = rule;

    /// <summary>The posted form field that names the account the request is about ("UserName", "Email").</summary>
    public string? AccountField { get; init; }

    /// <summary>The account is the signed-in user (commenting).</summary>
    public bool BySignedInUser { get; init; }
}
