using Cms.Modules;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The background pass of the source link checker, run by the framework every
/// <see cref="LinkCheckOptions.WakeInterval"/> while News Commentary is enabled. The once-a-day rule
/// lives in the pass, so every node may run it against one database.
/// </summary>
public sealed class LinkCheckWorker(LinkChecker checker) : IBackgroundTask
{
    public async Task RunAsync(CancellationToken cancellationToken) => await checker.RunPassAsync(cancellationToken);


    /// <summary>The loop's schedule from the options; null when the loop is switched off.</summary>
    public static BackgroundTaskSchedule? Schedule(LinkCheckOptions options)
        => options.Enabled ? new BackgroundTaskSchedule(options.StartDelay, options.EffectiveWakeInterval) : null;
}
