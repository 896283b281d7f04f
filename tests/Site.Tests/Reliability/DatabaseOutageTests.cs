using System.Diagnostics;
using System.Net;
using Cms.Hosting;
using Site.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>The load site on a PostgreSQL cluster of its own, which the outage test stops and starts.</summary>
public sealed class OutageSite : LoadSite
{
    private OwnPostgres? _postgres;

    public OwnPostgres Cluster => _postgres!;

    protected override OwnPostgres? Postgres => _postgres;

    public override async Task InitializeAsync()
    {
        if (!PostgresCluster.Enabled)
        {
            // The test is skipped outside the PostgreSQL pass; xUnit makes its fixture all the same.
            return;
        }

        _postgres = await OwnPostgres.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 13, points 4 and 5: PostgreSQL stopped (<c>pg_ctl stop -m fast</c>) under load. Cached pages are
/// still served; other pages and writes answer a readable 503 with Retry-After (never a 500 or a stack
/// trace); /health/ready says 503 and /health/live 200; once PostgreSQL is back, the same process serves
/// and stores again within seconds. Runs in the PostgreSQL pass of the suite.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class DatabaseOutageTests(OutageSite site, ITestOutputHelper output) : IClassFixture<OutageSite>
{
    [PostgresFact]
    public async Task PostgresStopped_CachedPagesServed_Others503_RecoversWithoutRestart()
    {
        using var process = await site.StartAsync();
        using var reader = new HttpClient { BaseAddress = process.BaseAddress };
        var before = site.NewLoad(process);
        await before.RunAsync(TimeSpan.FromSeconds(4));

        // The pages a reader has just seen are in the output cache when the database goes. (The node's poll of
        // the change signal evicts once more, up to a second after the last comment; then a page is cached once
        // it is answered from the cache, with an Age header.)
        string[] cached = ["/", LoadSite.PostPath, "/tags"];
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        foreach (var path in cached)
        {
            var warm = Stopwatch.StartNew();
            while ((await reader.GetAsync(path)).Headers.Age is null)
            {
                Assert.True(warm.Elapsed < TimeSpan.FromSeconds(30), $"{path} did not stay in the output cache.");
                await Task.Delay(200);
            }
        }

        // Members are signed in before, so that all they do under the outage is post (which evicts nothing, as nothing is stored).
        var during = site.NewLoad(process);
        await during.SignInAsync();
        await site.Cluster.StopAsync();
        var outage = LoadSite.LoadDuration(ciSeconds: 10);
        TimeSpan recovered = default;
        await during.RunAsync(outage + TimeSpan.FromSeconds(15), async () =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < outage)
            {
                foreach (var path in cached)
                {
                    var page = await reader.GetAsync(path);
                    Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} was not served from the cache: {(int)page.StatusCode}");
                }

                await AssertUnavailableAsync(await reader.GetAsync("/search?q=meeting"), "this page cannot be shown right now");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync(HealthChecks.ReadyPath)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(HealthChecks.LivePath)).StatusCode);
                await Task.Delay(500);
            }

            Assert.Contains(during.Statuses.Keys, k => k == "post 503");
            await site.Cluster.StartAsync();
            clock.Restart();
            while ((await reader.GetAsync(HealthChecks.ReadyPath)).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The site did not recover within 30 s of PostgreSQL's return.");
                await Task.Delay(100);
            }

            recovered = clock.Elapsed;
            var acknowledgedAtReturn = during.Acknowledged.Count;
            while (during.Acknowledged.Count == acknowledgedAtReturn)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "No comment was stored within 30 s of PostgreSQL's return.");
                await Task.Delay(100);
            }

            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/search?q=meeting")).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(3));
            during.Stop();
        });

        process.Terminate();
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        await using var store = new SiteStore(site.AppData);
        var stored = await store.CommentTokensAsync(during.RunId);
        Figures.Write(output, "outage", $"PostgreSQL stopped {outage.TotalSeconds:0} s under load; ready again {recovered.TotalSeconds:0.0} s after it was back. {during.Figures(stored.Count)}");

        Assert.True(recovered < TimeSpan.FromSeconds(10), $"Recovery took {recovered.TotalSeconds:0.0} s.");
        Assert.DoesNotContain(during.Statuses.Keys, k => k.EndsWith(" 500", StringComparison.Ordinal));
        foreach (var (status, retryAfter, body) in during.ServerErrors)
        {
            Assert.Equal(503, status);
            Assert.Equal("30", retryAfter);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        Assert.Contains(during.ServerErrors, e => e.Body.Contains("Nothing was saved", StringComparison.Ordinal));
        Assert.All(during.Acknowledged, token => Assert.True(stored.GetValueOrDefault(token) == 1, $"{token} is stored {stored.GetValueOrDefault(token)} times"));
        Assert.All(stored, s => Assert.True(s.Value == 1 && (during.Acknowledged.Contains(s.Key) || during.Unanswered.Contains(s.Key)), $"{s.Key}: stored {s.Value} times"));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string words)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains(words, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}

/// <summary>A test that runs in the suite's PostgreSQL pass only (CMS_TEST_DATABASE=Postgres), where PostgreSQL is sure to be installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresCluster.Enabled)
        {
            Skip = "Runs in the PostgreSQL pass (CMS_TEST_DATABASE=Postgres).";
        }
    }
}
