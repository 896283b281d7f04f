using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// Issue 13, point 3: SIGTERM during the load. Kestrel stops taking connections, requests in flight
/// finish (a comment whose body is still arriving is stored and acknowledged), nothing acknowledged is
/// lost, and the process exits with 0, at the latest after Cms__ShutdownTimeout.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class GracefulStopTests(LoadSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_LetsRequestsInFlightFinish_AndExitsWithZero()
    {
        var process = await site.StartAsync();
        var load = site.NewLoad(process);
        SlowPost? slow = null;
        var stopped = Stopwatch.StartNew();
        await load.RunAsync(LoadSite.LoadDuration(ciSeconds: 14), async () =>
        {
            await Task.Delay(LoadSite.LoadDuration(ciSeconds: 14) / 3);
            slow = await SlowPost.StartAsync(process.BaseAddress, site.Spare, LoadSite.PostPath, site.PostId);
            process.Terminate();
            stopped.Restart();
            await Task.Delay(TimeSpan.FromSeconds(1));
            slow.Finish();
            Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The site did not stop within a minute of SIGTERM.");
            load.Stop();
        });
        Figures.Write(output, "graceful stop", $"stopped {stopped.Elapsed.TotalSeconds:0.0} s after SIGTERM, exit code {process.ExitCode}");
        Assert.Equal(0, process.ExitCode);
        var answer = await slow!.Response;
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        slow.Dispose();

        await using var store = new SiteStore(site.AppData);
        var stored = await store.CommentTokensAsync(load.RunId);
        Figures.Write(output, "graceful stop", $"{(site.OnPostgres ? "PostgreSQL" : "SQLite")}: {load.Figures(stored.Count)}");
        Assert.Single((await store.CommentTokensAsync(slow.Token)));
        Assert.All(load.Acknowledged, token => Assert.True(stored.GetValueOrDefault(token) == 1, $"{token} is stored {stored.GetValueOrDefault(token)} times"));
        Assert.All(stored, s => Assert.True(s.Value == 1, $"{s.Key}: stored {s.Value} times"));
        Assert.Empty(load.ServerErrors);
        Assert.DoesNotContain("Unhandled exception", process.Output, StringComparison.OrdinalIgnoreCase);
        process.Dispose();
    }

    [Fact]
    public async Task Sigterm_WithARequestThatNeverEnds_ExitsWithZeroAfterTheShutdownTimeout()
    {
        using var process = await site.StartAsync(new Dictionary<string, string> { ["Cms__ShutdownTimeout"] = "00:00:03" });
        using var slow = await SlowPost.StartAsync(process.BaseAddress, site.Members[1], LoadSite.PostPath, site.PostId);
        var clock = Stopwatch.StartNew();
        process.Terminate();
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The site did not stop.");
        Figures.Write(output, "graceful stop", $"stopped {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM with a request still in flight (timeout 3 s), exit code {process.ExitCode}");
        Assert.Equal(0, process.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(20));
        slow.Finish();
        await Assert.ThrowsAnyAsync<Exception>(() => slow.Response.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
