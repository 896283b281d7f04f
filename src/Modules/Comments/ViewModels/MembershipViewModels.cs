using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.Comments.Models;
using Modules.Comments.Settings;

namespace Modules.Comments.ViewModels;

// Nullable strings: the controllers write their own message for each missing value.

/// <summary>The sign-up form; <see cref="Message"/> goes to the moderators with the membership request.</summary>
public sealed class RegisterViewModel
{
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public string? Message { get; set; }

    /// <summary>Open with approval: a moderator decides, so the form asks why the reader wants to join.</summary>
    [BindNever]
    public bool NeedsApproval { get; set; }
}

/// <summary>A signed-in reader's membership, and the way to ask for it where the site allows.</summary>
public sealed class MembershipViewModel
{
    [BindNever]
    public bool IsMember { get; init; }

    [BindNever]
    public MembershipRequest? LatestRequest { get; init; }

    [BindNever]
    public required RegistrationSettings Settings { get; init; }

    public string? Message { get; set; }

    public bool CanRequest => !IsMember && Settings.AllowsRequests && LatestRequest is null;
}

/// <summary>Accepting an invitation: as the signed-in user, or by creating an account for the invited address.</summary>
public sealed class InvitationViewModel
{
    public string? Token { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    [BindNever]
    public string Email { get; set; } = "";

    /// <summary>An account already has the invited address: its owner signs in to accept.</summary>
    [BindNever]
    public bool AccountExists { get; set; }
}

/// <summary>A plain page of one message (registration closed, an invitation link that no longer works).</summary>
public sealed record MembershipNoticeViewModel(string Title, string Message, string? LinkText = null, string? LinkUrl = null);

public sealed class InvitationsViewModel
{
    public string? Email { get; set; }

    [BindNever]
    public IReadOnlyList<Invitation> Recent { get; set; } = [];

    [BindNever]
    public RegistrationSettings? Settings { get; set; }

    [BindNever]
    public DateTime NowUtc { get; set; }
}

public sealed class MembershipRequestsViewModel
{
    [BindNever]
    public required string Status { get; init; }

    [BindNever]
    public required IReadOnlyList<MembershipRequest> Requests { get; init; }
}

/// <summary>The page the sign-up link opens: whose account it makes, and the button that makes it.</summary>
public sealed class SignUpConfirmViewModel
{
    public string? Token { get; set; }

    [BindNever]
    public string UserName { get; set; } = "";

    [BindNever]
    public string Email { get; set; } = "";
}
