namespace Modules.Comments.ViewModels;

/// <summary>
/// The comment and registration settings as the settings page posts them. Numbers arrive as text, so
/// "abc" gets the page's own message rather than MVC's.
/// </summary>
public sealed class CommentSettingsForm
{
    public string? PolicyNote { get; set; }
    public string? Moderation { get; set; }
    public string? RateLimitSeconds { get; set; }
    public string? MaxLinks { get; set; }
    public string? CloseAfterDays { get; set; }
    public string? MaxLength { get; set; }
    public string? ReplyDepth { get; set; }
    public string? EditWindowMinutes { get; set; }
    public string? PageSize { get; set; }
    public string? RegistrationMode { get; set; }
    public string? InvitationDays { get; set; }
}
