using System.Runtime;
using Cms.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

/// <summary>
/// Gives the memory a load made the site take back to the system once the load stops (issue 12, point 4): the idle
/// SQLite connections a burst pooled (each holding its page cache, which the pool would keep for minutes), then one
/// blocking, compacting, aggressive collection (large objects compacted too, and the free space decommitted), then the
/// C heap's free pages (<see cref="NativeHeap"/>). The GC on its own keeps the heap a burst grew until later
/// collections, which an idle site never makes, so without this the site stays 30–50 % above where it started.
/// Costs a pause of tens of milliseconds and one connection opened again by the next request, only when nothing is
/// being asked. Cms:Memory:IdleTrim=false turns it off; bench/README.md ("Memory and the GC") has the figures.
/// </summary>
public sealed class IdleMemoryTrim(IConfiguration configuration, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    public const string EnabledKey = "Cms:Memory:IdleTrim";

    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);

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
                    Trim(logger);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One trim, now: what the service does once a load has stopped.</summary>
    public static void Trim(ILogger logger)
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        // Connections in use are left alone (closed when given back); a PostgreSQL site has none of these.
        SqlitePools.ClearAll();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Idle: the GC heap's committed memory went from {Before} to {After} bytes", before, GC.GetGCMemoryInfo().TotalCommittedBytes);
        }
    }
}
