using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

/// <summary>
/// Gives the memory a load made the GC take back to the system once the load stops (issue 12, point 4): one blocking,
/// compacting, aggressive collection (large objects compacted too, and the free space decommitted). The GC on its
/// own keeps the heap a burst grew until later collections, which an idle site never makes, so without this the
/// site stays 30–50 % above where it started. Costs a pause of tens of milliseconds, only when nothing is being
/// asked. Cms:Memory:IdleTrim=false turns it off; bench/README.md ("Memory and the GC") has the figures.
/// </summary>
public sealed class IdleMemoryTrim(IConfiguration configuration, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    public const string EnabledKey = "Cms:Memory:IdleTrim";

    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        var policy = new IdleTrimPolicy();
        using var timer = new PeriodicTimer(s_tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (policy.Observe(GC.GetTotalAllocatedBytes()))
                {
                    Trim();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Idle: the GC heap's committed memory went from {Before} to {After} bytes", before, GC.GetGCMemoryInfo().TotalCommittedBytes);
        }
    }
}
