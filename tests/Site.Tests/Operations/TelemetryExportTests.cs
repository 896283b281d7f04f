using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Site.Tests.Infrastructure;
using Site.Tests.Reliability;

namespace Site.Tests.Operations;

/// <summary>
/// Issue 13, point 8: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces, metrics and logs reach an OTLP/HTTP
/// receiver (a real one, on loopback, that keeps what it is sent); and one setting makes the console log JSON.
/// </summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task WithAnEndpoint_TracesMetricsAndLogs_AreExportedOverOtlp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var site = new ExportingSite(receiver.Address);
        Assert.NotNull(site.Services.GetService<MeterProvider>());
        using var reader = site.CreateReader();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        (string Path, string Text)[] expected =
        [
            ("/v1/traces", "db.command"), ("/v1/metrics", "cms.output_cache.lookups"), ("/v1/metrics", "cms.db.request.duration"),
            ("/v1/metrics", "http.server.request.duration"), ("/v1/logs", ""),
        ];
        while (expected.Any(e => !receiver.Contains(e.Path, e.Text)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not everything reached the OTLP receiver within 60 s ({receiver.Summary()}); missing: "
                + string.Join(", ", expected.Where(e => !receiver.Contains(e.Path, e.Text))));
            await reader.GetAsync("/");
            await reader.GetAsync("/search?q=exported");
            await Task.Delay(250);
        }

        Assert.True(receiver.Contains("/v1/traces", "news-commentary"), "The service is named in the resource.");
    }

    [Fact]
    public async Task OneSetting_MakesTheConsoleLogJson()
    {
        using var appData = new TempFolder();
        var port = TempFolder.FreePort();
        using var site = new RunningCommand(Processes.Start("dotnet", appData.Path, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Cms__AppData"] = appData.Path,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        }, SiteCommand.SiteDll));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!site.Output.Contains("Now listening on", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !site.HasExited, "The site did not start:\n" + site.Output);
            await Task.Delay(100);
        }

        var lines = site.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
        });
        Assert.Contains(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("Message").GetString()!.StartsWith("Now listening on", StringComparison.Ordinal));
    }

    private sealed class ExportingSite(string endpoint) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
            builder.UseSetting("OTEL_BLRP_SCHEDULE_DELAY", "200");
        }
    }

    /// <summary>An OTLP/HTTP endpoint that answers 200 and keeps every body it is sent, by path.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly ConcurrentBag<(string Path, byte[] Body)> _received = [];
        private WebApplication _app = null!;

        public string Address { get; private set; } = "";

        public static async Task<OtlpReceiver> StartAsync()
        {
            var receiver = new OtlpReceiver();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{TempFolder.FreePort()}");
            receiver._app = builder.Build();
            receiver._app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver._received.Add((context.Request.Path.Value!, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
            });
            await receiver._app.StartAsync();
            receiver.Address = receiver._app.Urls.First();
            return receiver;
        }

        /// <summary>Whether a body sent to the path holds the text (protobuf keeps strings as UTF-8).</summary>
        public bool Contains(string path, string text)
            => _received.Any(r => r.Path == path && (text.Length == 0 || Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal)));

        public string Summary() => string.Join(", ", _received.GroupBy(r => r.Path).Select(g => $"{g.Key} ×{g.Count()}"));

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
