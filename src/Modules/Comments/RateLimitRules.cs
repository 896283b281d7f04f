using Cms.Hosting;

namespace Modules.Comments;

/// <summary>The module's rate-limit rules and their defaults (README's table; RateLimits__{Rule}__* changes them).</summary>
public static class RateLimitRules
{
    public const string Registration = "Registration";
    public const string Invitation = "Invitation";
    public const string Comment = "Comment";

    public static RateLimitRule RegistrationDefaults => new(5, TimeSpan.FromHours(1), 3, TimeSpan.FromHours(1));
    public static RateLimitRule InvitationDefaults => new(50, TimeSpan.FromHours(1), 3, TimeSpan.FromDays(1));
    public static RateLimitRule CommentDefaults => new(20, TimeSpan.FromMinutes(1), 6, TimeSpan.FromMinutes(1));
}
