using Microsoft.AspNetCore.OutputCaching;

namespace Cms.Telemetry;

/// <summary>
/// Part of the public pages' cache policy: counts a page served from the cache as a hit and a page that
/// had to be rendered as a miss (only where a lookup was made: anonymous GETs, looked up here or before routing), for
/// the hit ratio.
/// </summary>
public sealed class OutputCacheMetricsPolicy(CmsMetrics metrics) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.CacheHit();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup || Display.CachedPagesBeforeRouting.MissedBeforeRouting(context.HttpContext))
        {
            metrics.CacheMiss();
        }

        return ValueTask.CompletedTask;
    }
}
