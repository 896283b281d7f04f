using System.Text.Json.Serialization;

namespace Modules.Comments.Settings;

/// <summary>The "RegistrationSettings" section: how readers become members.</summary>
public sealed class RegistrationSettings
{
    public const string SectionName = "RegistrationSettings";

    /// <summary>"Closed", "InviteOnly" (the default), "OpenWithApproval" or "Open".</summary>
    public string Mode { get; set; } = nameof(RegistrationMode.InviteOnly);

    /// <summary>Days an invitation link works.</summary>
    public int InvitationDays { get; set; } = 7;

    // The members below are read from Mode and never stored, so the section holds only what a recipe may set.
    [JsonIgnore]
    public RegistrationMode RegistrationMode
        => SettingsSections.TryParseName<RegistrationMode>(Mode, out var mode) ? mode : RegistrationMode.InviteOnly;

    /// <summary>Anyone may create an account at /register.</summary>
    [JsonIgnore]
    public bool AllowsSignUp => RegistrationMode is RegistrationMode.Open or RegistrationMode.OpenWithApproval;

    /// <summary>A signed-in non-member may ask to become a member (granted at once when Open).</summary>
    [JsonIgnore]
    public bool AllowsRequests => AllowsSignUp;

    /// <summary>Invitations may be sent and accepted: every mode but Closed.</summary>
    [JsonIgnore]
    public bool AllowsInvitations => RegistrationMode != RegistrationMode.Closed;
}

/// <summary>How readers become members.</summary>
public enum RegistrationMode
{
    /// <summary>Nobody becomes a member by themselves, not even by invitation; administrators give the role.</summary>
    Closed,

    /// <summary>Only by an invitation sent by e-mail.</summary>
    InviteOnly,

    /// <summary>Anyone may sign up; a moderator approves the membership request.</summary>
    OpenWithApproval,

    /// <summary>Anyone may sign up and is a member at once.</summary>
    Open,
}
