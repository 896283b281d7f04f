using Cms.Data;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// Wakes up every <see cref="LinkCheckOptions.WakeInterval"/> and runs a pass; the once-a-day rule
/// lives in the pass, so every node may run this loop against one database. Errors are logged,
/// never thrown: a failed pass must not stop the site.
/// </summary>
public sealed class LinkCheckWorker(
    ShellSettingsStore shell,
    IServiceScopeFactory scopes,
    IOptions<LinkCheckOptions> options,
    TimeProvider clock,
    ILogger<LinkCheckWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.StartDelay > TimeSpan.Zero ? settings.StartDelay : TimeSpan.Zero, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(settings.EffectiveWakeInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!shell.IsSetUp)
            {
                return;
            }

            using var scope = scopes.CreateScope();
            if (!await scope.ServiceProvider.GetRequiredService<IFeatureManager>().IsEnabledAsync(FeatureId))
            {
                return;
            }

            await scope.ServiceProvider.GetRequiredService<LinkChecker>().RunPassAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The source link pass failed; the next one runs in {Interval}", options.Value.EffectiveWakeInterval);
        }
    }

    private const string FeatureId = "NewsCommentary";
}
