using Site.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// Issue 13, point 2: <c>kill -9</c> of the site in the middle of the load, and of a 5,000-item recipe import
/// halfway through; after a restart nothing acknowledged is missing and nothing half-done is visible.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class CrashTests(LoadSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task KilledMidLoad_RestartsSound_WithEveryAcknowledgedComment()
    {
        var process = await site.StartAsync();
        var load = site.NewLoad(process);
        await load.RunAsync(LoadSite.LoadDuration(ciSeconds: 14), async () =>
        {
            await Task.Delay(LoadSite.LoadDuration(ciSeconds: 14) / 2);
            process.Crash();
            load.Stop();
        });
        Assert.True(process.HasExited);
        process.Dispose();

        using var restarted = await site.StartAsync();
        restarted.Terminate();
        await restarted.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await using var store = new SiteStore(site.AppData);
        var stored = await store.CommentTokensAsync(load.RunId);
        Figures.Write(output, "crash", $"{(site.OnPostgres ? "PostgreSQL" : "SQLite")}, killed after {LoadSite.LoadDuration(14).TotalSeconds / 2:0} s: {load.Figures(stored.Count)}");

        if (!site.OnPostgres)
        {
            Assert.Equal("ok", await store.IntegrityCheckAsync());
        }

        Assert.True(load.Acknowledged.Count >= LoadSite.MemberCount, load.Figures(stored.Count));
        Assert.All(load.Acknowledged, token => Assert.True(stored.GetValueOrDefault(token) == 1, $"{token} is stored {stored.GetValueOrDefault(token)} times"));

        // A comment whose answer the kill cut off may or may not be stored, but never twice, and nothing else is.
        Assert.All(stored, s => Assert.True(s.Value == 1 && (load.Acknowledged.Contains(s.Key) || load.Unanswered.Contains(s.Key)), $"{s.Key}: stored {s.Value} times"));
        Assert.Empty(load.ServerErrors);
    }

    [Fact]
    public async Task ImportKilledHalfway_LeavesNothing_AndAppliesAgain()
    {
        const int Posts = 5000;
        var recipe = Path.Combine(site.AppData, "import.recipe.json");
        await File.WriteAllTextAsync(recipe, ImportRecipe.Posts(Posts, "crashimport"));
        string before;
        await using (var store = new SiteStore(site.AppData))
        {
            before = await store.InScopeAsync(DatabaseFingerprint.TakeAsync);
        }

        // The command line says how far a long import is on standard error; halfway, it is killed.
        var dll = await PublishedSite.DllAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var process = Processes.Start("dotnet", site.AppData, site.Environment, dll, "recipes", "apply", recipe);
        using (var import = new RunningCommand(process))
        {
            var halfway = $"{Posts / 2} of {Posts} items imported";
            while (!import.Output.Contains(halfway, StringComparison.Ordinal))
            {
                Assert.False(import.HasExited, "The import ended before it could be killed:\n" + import.Output);
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), "The import did not get halfway in 5 minutes:\n" + import.Output);
                await Task.Delay(20);
            }

            PublishedSite.Signal(process.Id, PublishedSite.SigKill);
            Assert.True(process.WaitForExit(30_000));
            Figures.Write(output, "crash", $"{(site.OnPostgres ? "PostgreSQL" : "SQLite")}: import of {Posts:N0} posts killed after {watch.Elapsed.TotalSeconds:0.0} s, at: {import.Output.Trim().Split('\n')[^1]}");
        }

        await using (var store = new SiteStore(site.AppData))
        {
            if (!site.OnPostgres)
            {
                Assert.Equal("ok", await store.IntegrityCheckAsync());
            }

            Assert.Equal(before, await store.InScopeAsync(DatabaseFingerprint.TakeAsync));
        }

        watch.Restart();
        var run = await site.CliAsync(site.Environment, "recipes", "apply", recipe);
        Figures.Write(output, "crash", $"applied again, whole, in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Posts, run.Out.Split('\n').Count(l => l.Contains("content item created: NewsCommentary", StringComparison.Ordinal)));

        using var started = await site.StartAsync();
        using var reader = new HttpClient { BaseAddress = started.BaseAddress };
        Assert.Contains("Imported post 2500", await reader.GetStringAsync("/search?q=crashimport2500"), StringComparison.Ordinal);
        started.Terminate();
        await started.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }
}
