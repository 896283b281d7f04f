using Cms.Content;

namespace Modules.PublishLater.Models;

/// <summary>
/// Orchard's PublishLaterPart: when the draft it sits on is to be published. Only a draft carries a
/// schedule: publishing a version clears it (<see cref="Handlers.PublishLaterPartHandler"/>).
/// </summary>
public sealed class PublishLaterPart : ContentPart
{
    public DateTime? ScheduledPublishUtc { get; set; }
}
