using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>
/// Issue 13, point 8: the instruments exist and record what a reader, a member and a deployer do, seen by a
/// real in-process MeterListener and ActivityListener (as dotnet-counters or the OpenTelemetry SDK would see them).
/// </summary>
public sealed class TelemetryTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Fact]
    public async Task Instruments_Record_Requests_CacheHitsAndMisses_DatabaseTime_Comments_RecipeRuns()
    {
        await site.SettingsAsync(s => s.RateLimitSeconds = 0);
        using var metrics = new Measurements(site.Services.GetRequiredService<IMeterFactory>());
        var post = await CommentPages.NewPostAsync(site);
        using var reader = site.CreateReader();
        await reader.GetAsync(post.Path);
        await reader.GetAsync(post.Path);
        var (member, _) = await CommentPages.NamedMemberAsync(site);
        Assert.Equal(HttpStatusCode.Redirect, (await CommentPages.CommentAsync(member, post, "Measured, as it should be.")).StatusCode);
        await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync("""{ "name": "Measured", "steps": [ { "name": "feature", "enable": ["Search"] } ] }"""));

        Assert.Contains(metrics.Of("http.server.request.duration"), m => Equals(m.Tags.GetValueOrDefault("http.route"), "comments/{contentItemId}"));
        Assert.Contains(metrics.Of("cms.output_cache.lookups"), m => Equals(m.Tags.GetValueOrDefault("cms.output_cache.result"), "miss"));
        Assert.Contains(metrics.Of("cms.output_cache.lookups"), m => Equals(m.Tags.GetValueOrDefault("cms.output_cache.result"), "hit"));
        Assert.Contains(metrics.Of("cms.db.request.duration"), m => m.Value > 0 && Equals(m.Tags.GetValueOrDefault("http.route"), "comments/{contentItemId}"));
        Assert.Contains(metrics.Of("cms.db.request.commands"), m => m.Value > 0);
        Assert.Contains(metrics.Of("cms.comments.posted"), m => Equals(m.Tags.GetValueOrDefault("cms.comment.status"), "approved") || Equals(m.Tags.GetValueOrDefault("cms.comment.status"), "pending"));
        Assert.Contains(metrics.Of("cms.recipes.runs"), m => Equals(m.Tags.GetValueOrDefault("cms.recipe.outcome"), "applied"));
        Assert.Contains(metrics.Of("cms.recipes.duration"), m => m.Value > 0);
    }

    [Fact]
    public async Task DatabaseCommands_AreSpans_OfTheRequestThatRanThem()
    {
        var commands = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Cms.Data" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Cms.Data")
                {
                    commands.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var reader = site.CreateReader();
        await reader.GetAsync("/search?q=spans" + Guid.NewGuid().ToString("N")[..6]);

        Assert.Contains(commands, a => a.OperationName == "db.command"
            && a.Parent?.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn"
            && a.GetTagItem("db.query.text") is string sql && sql.Length > 0
            && a.Duration > TimeSpan.Zero);
    }

    [Fact]
    public void WithoutAnEndpoint_NoOpenTelemetryIsRegistered()
    {
        Assert.Null(site.Services.GetService<MeterProvider>());
        Assert.Null(site.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            s => s.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    /// <summary>What the site's own meters (those made by its IMeterFactory) recorded, by instrument name.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<(double Value, Dictionary<string, object?> Tags)>> _seen = new();

        public Measurements(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public IReadOnlyCollection<(double Value, Dictionary<string, object?> Tags)> Of(string name)
            => _seen.TryGetValue(name, out var bag) ? bag : [];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            => _seen.GetOrAdd(instrument.Name, _ => []).Add((value, new Dictionary<string, object?>(tags.ToArray())));
    }
}
