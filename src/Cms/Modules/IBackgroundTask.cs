namespace Cms.Modules;

/// <summary>
/// A module's periodic work. The framework runs it (<see cref="BackgroundTaskHost{TTask}"/>) in a fresh
/// scope, only while the site is set up and the feature that registered it is enabled; the task does
/// its work and nothing else. Register it with AddBackgroundTask.
/// </summary>
public interface IBackgroundTask
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>When a task first runs after start-up, and how long it waits between runs.</summary>
public sealed record BackgroundTaskSchedule(TimeSpan StartDelay, TimeSpan Interval);
