using Cms.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Modules;

/// <summary>
/// Runs one <see cref="IBackgroundTask"/> on its schedule for the feature that registered it. Every
/// node runs its own host against the shared database, so a task keeps its own rules about what is
/// due. Errors are logged, never thrown: a failed run must not stop the site.
/// </summary>
public sealed class BackgroundTaskHost<TTask>(
    string featureId,
    Func<BackgroundTaskSchedule?> schedule,
    ShellSettingsStore shell,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<BackgroundTaskHost<TTask>> logger) : BackgroundService where TTask : class, IBackgroundTask
{
    public string FeatureId { get; } = featureId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Null: switched off by configuration.
        if (schedule() is not { } when)
        {
            return;
        }

        try
        {
            await Task.Delay(when.StartDelay > TimeSpan.Zero ? when.StartDelay : TimeSpan.Zero, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(when.Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Runs the task once now, if the site is set up and the feature enabled; true when it ran.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!shell.IsSetUp)
            {
                return false;
            }

            using var scope = scopes.CreateScope();
            if (!await scope.ServiceProvider.GetRequiredService<IFeatureManager>().IsEnabledAsync(FeatureId))
            {
                return false;
            }

            await scope.ServiceProvider.GetRequiredService<TTask>().RunAsync(stoppingToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Background task {Task} of feature {Feature} failed; it runs again at its next interval", typeof(TTask).Name, FeatureId);
            return false;
        }
    }
}
