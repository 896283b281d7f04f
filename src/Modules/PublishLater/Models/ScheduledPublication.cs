namespace Modules.PublishLater.Models;

/// <summary>
/// One scheduled draft (Orchard's PublishLaterPartIndex): which version is due when, and which node
/// claimed it. The background publisher reads only this table, so its cost follows the scheduled
/// drafts, not the posts.
/// </summary>
public sealed class ScheduledPublication
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public DateTime ScheduledPublishUtc { get; set; }

    /// <summary>When a node took it to publish; a claim older than the publisher's lease may be taken again.</summary>
    public DateTime? ClaimedUtc { get; set; }

    public string? ClaimedBy { get; set; }
}
