using Cms.Modules;

namespace Modules.PublishLater.Services;

/// <summary>The background pass of <see cref="ScheduledPublisher"/>, run while Publish Later is enabled.</summary>
public sealed class PublishLaterWorker(ScheduledPublisher publisher) : IBackgroundTask
{
    public const string Section = "PublishLater";

    public async Task RunAsync(CancellationToken cancellationToken) => await publisher.PublishDueAsync(cancellationToken);
}

/// <summary>How often the publisher looks (PublishLater:Interval, default 20 s, so a post goes out within its minute); Enabled false switches it off.</summary>
public sealed class PublishLaterOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(20);

    public BackgroundTaskSchedule? Schedule() => Enabled ? new BackgroundTaskSchedule(TimeSpan.FromSeconds(5), Interval) : null;
}
