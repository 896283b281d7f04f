using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cms.Telemetry;

/// <summary>
/// Sums the database time of one request and records it, with the number of commands, per route
/// (<c>cms.db.request.duration</c>, <c>cms.db.request.commands</c>). Only while someone listens to either.
/// </summary>
public sealed class RequestDatabaseTime(RequestDelegate next, CmsMetrics metrics)
{
    private static readonly AsyncLocal<Totals?> s_current = new();

    /// <summary>Called by <see cref="DatabaseTimeInterceptor"/> for each command of the current request, if it is measured.</summary>
    public static void Add(TimeSpan duration)
    {
        if (s_current.Value is { } totals)
        {
            Interlocked.Add(ref totals.Ticks, duration.Ticks);
            Interlocked.Increment(ref totals.Commands);
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!metrics.DatabaseTime.Enabled && !metrics.DatabaseCommands.Enabled)
        {
            await next(context);
            return;
        }

        var totals = new Totals();
        s_current.Value = totals;
        try
        {
            await next(context);
        }
        finally
        {
            s_current.Value = null;
            var route = new KeyValuePair<string, object?>("http.route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)");
            metrics.DatabaseTime.Record(TimeSpan.FromTicks(Interlocked.Read(ref totals.Ticks)).TotalSeconds, route);
            metrics.DatabaseCommands.Record(Volatile.Read(ref totals.Commands), route);
        }
    }

    private sealed class Totals
    {
        public long Ticks;
        public int Commands;
    }
}
