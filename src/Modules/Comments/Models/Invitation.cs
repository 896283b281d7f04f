namespace Modules.Comments.Models;

/// <summary>
/// An invitation to become a member, sent by e-mail. Only the token's SHA-256 hash is kept, so the
/// table cannot be used to accept invitations; a token works once and until it expires.
/// </summary>
public sealed class Invitation
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string InvitedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTime? RevokedUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => AcceptedUtc is null && RevokedUtc is null && ExpiresUtc > nowUtc;
}
