using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// Issue 13, point 1: 50 members comment and 20 readers read at once (60 s with CMS_LOAD_SECONDS=60; shorter
/// in CI) against the published Release site, on SQLite (WAL, busy timeout: writers wait their turn) and,
/// in the suite's second pass, on PostgreSQL.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class ConcurrentWritersTests(LoadSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task ConcurrentComments_AreEachStoredOnce_WithNoServerErrorOrLock()
    {
        using var process = await site.StartAsync();
        var load = site.NewLoad(process);
        await load.RunAsync(LoadSite.LoadDuration(ciSeconds: 12));
        process.Terminate();
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The site did not stop.");

        await using var store = new SiteStore(site.AppData);
        var stored = await store.CommentTokensAsync(load.RunId);
        Figures.Write(output, "concurrent writers", $"{(site.OnPostgres ? "PostgreSQL" : "SQLite")}, {LoadSite.LoadDuration(12).TotalSeconds:0} s: {load.Figures(stored.Count)}");

        Assert.Empty(load.ServerErrors);
        Assert.DoesNotContain("database is locked", process.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(load.Problems);
        Assert.Empty(load.Unanswered);
        Assert.True(load.Acknowledged.Count >= LoadSite.MemberCount, $"Too few comments went through to mean anything: {load.Figures(stored.Count)}");
        Assert.All(load.Acknowledged, token => Assert.True(stored.GetValueOrDefault(token) == 1, $"{token} is stored {stored.GetValueOrDefault(token)} times"));
        Assert.All(stored, s => Assert.True(s.Value == 1 && load.Acknowledged.Contains(s.Key), $"{s.Key} is stored {s.Value} times, acknowledged: {load.Acknowledged.Contains(s.Key)}"));
        Assert.True(load.Count("read 200") > 0);
    }
}
