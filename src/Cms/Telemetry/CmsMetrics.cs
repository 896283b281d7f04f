using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cms.Telemetry;

/// <summary>
/// The framework's own instruments, on the meter <c>Cms</c> (modules add theirs on meters named <c>Cms.*</c>).
/// Request rate and latency per route are ASP.NET Core's own (<c>http.server.request.duration</c>, meter
/// <c>Microsoft.AspNetCore.Hosting</c>). With no listener (no OTLP endpoint, no dotnet-counters) an
/// instrument's <c>Enabled</c> is false and recording it costs a field read.
/// </summary>
public sealed class CmsMetrics
{
    public const string MeterName = "Cms";

    /// <summary>Spans of database commands, children of the request's span.</summary>
    public static readonly ActivitySource Database = new("Cms.Data");

    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _recipeRuns;
    private readonly Histogram<double> _recipeDuration;

    public CmsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _cacheLookups = meter.CreateCounter<long>("cms.output_cache.lookups", "{lookup}",
            "Anonymous page requests the output cache answered (cms.output_cache.result = hit) or passed on to render the page (miss).");
        DatabaseTime = meter.CreateHistogram<double>("cms.db.request.duration", "s",
            "Time one request spent in database commands, by route.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        DatabaseCommands = meter.CreateHistogram<int>("cms.db.request.commands", "{command}",
            "Database commands one request ran, by route.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 20, 50, 100] });
        _recipeRuns = meter.CreateCounter<long>("cms.recipes.runs", "{run}",
            "Recipes applied, by outcome (cms.recipe.outcome = applied, dry_run, refused, failed).");
        _recipeDuration = meter.CreateHistogram<double>("cms.recipes.duration", "s", "How long applying a recipe took, by outcome.");
    }

    public Histogram<double> DatabaseTime { get; }

    public Histogram<int> DatabaseCommands { get; }

    public void CacheHit() => _cacheLookups.Add(1, new KeyValuePair<string, object?>("cms.output_cache.result", "hit"));

    public void CacheMiss() => _cacheLookups.Add(1, new KeyValuePair<string, object?>("cms.output_cache.result", "miss"));

    public void RecipeRun(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("cms.recipe.outcome", outcome);
        _recipeRuns.Add(1, tag);
        _recipeDuration.Record(duration.TotalSeconds, tag);
    }
}
