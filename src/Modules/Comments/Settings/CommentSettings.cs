using System.Text.Json.Serialization;

namespace Modules.Comments.Settings;

/// <summary>
/// The "CommentSettings" section of the site settings, set by a recipe's settings step. Defaults
/// follow what Blogger and WordPress readers know; values out of range are refused by
/// <see cref="CommentSettingsValidator"/> and clamped when read.
/// </summary>
public sealed class CommentSettings
{
    public const string SectionName = "CommentSettings";

    /// <summary>Shown, after "Note:", to readers who may not comment ("Only a member of this blog may post a comment.").</summary>
    public string PolicyNote { get; set; } = "";

    /// <summary>"None", "FirstTime" (until an author has one approved comment) or "All".</summary>
    public string Moderation { get; set; } = nameof(ModerationMode.FirstTime);

    /// <summary>One comment per user per this many seconds; 0 for no limit.</summary>
    public int RateLimitSeconds { get; set; } = 15;

    /// <summary>A comment with more links than this waits for a moderator.</summary>
    public int MaxLinks { get; set; } = 2;

    /// <summary>Threads close this many days after the post is published; 0 keeps them open.</summary>
    public int CloseAfterDays { get; set; }

    /// <summary>Characters a comment may have (Blogger's limit).</summary>
    public int MaxLength { get; set; } = 4096;

    /// <summary>Levels of replies under a top-level comment; 0 for none.</summary>
    public int ReplyDepth { get; set; } = 2;

    /// <summary>Minutes during which authors may edit or delete their own comments.</summary>
    public int EditWindowMinutes { get; set; } = 15;

    /// <summary>Top-level comments per page of a thread (their replies come with them).</summary>
    public int PageSize { get; set; } = 50;

    // Read from Moderation; never stored, so the section holds only what a recipe may set.
    [JsonIgnore]
    public ModerationMode ModerationMode
        => SettingsSections.TryParseName<ModerationMode>(Moderation, out var mode) ? mode : ModerationMode.FirstTime;
}

public enum ModerationMode
{
    None,
    FirstTime,
    All,
}
