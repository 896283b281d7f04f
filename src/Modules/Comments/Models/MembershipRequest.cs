namespace Modules.Comments.Models;

/// <summary>A signed-in reader's request to become a member, for a moderator to approve or decline.</summary>
public sealed class MembershipRequest
{
    public const int MessageLength = 500;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Message { get; set; } = "";
    public MembershipRequestStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
}

public enum MembershipRequestStatus
{
    Pending,
    Approved,
    Declined,
}
