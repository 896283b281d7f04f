using Cms.Content;
using Cms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Comments;
using Site.Tests.Modules.NewsCommentary;
using Xunit.Abstractions;

namespace Site.Tests.Integration;

/// <summary>
/// Issue 12: a reader's list page costs the same however many posts the site has. The same pages of a
/// site of 120 posts and of one of 600 (both over the same six months, every post tagged "Bench" and
/// matching the search, every post making a forecast) must do the same database work, for a stranger (a cache miss)
/// and for a signed-in member alike, measured in rows read (see <see cref="RowsReadMeter"/>),
/// not in time. A list that sorts, groups or ranks every post reads five times as much on the larger site.
/// Every page is measured on SQLite and on PostgreSQL, each after its tables are analysed as autovacuum
/// does after a bulk import (without statistics PostgreSQL plans a search as if its words were rare and
/// reads every match). A page's look-up whose best plan on a few hundred rows is to read them all (a
/// table of seven pages costs less to scan than fifty index probes) cannot tell growth from that choice,
/// so /forecasts reads its posts' addresses from its own rows (one query for the page, no look-up).
/// </summary>
public sealed class ListRowsReadTests(ITestOutputHelper output)
{
    private const int SmallPosts = 120, LargePosts = 600;
    private const double Allowed = 1.25;

    /// <summary>A few rows either way are not growth (PostgreSQL's catalog lookups vary); 5 × 120 posts would be hundreds.</summary>
    private const int Slack = 20;

    /// <summary>
    /// The home page's first page is kept under the public-pages version, so a warm "/" shows only that version's
    /// query; "/?page=2" is read each time and is what shows the posts' list query.
    /// </summary>
    private static readonly string[] s_pages = ["/", "/?page=2", "/archive", "/archive/2021/03", "/tags/bench", "/search?q=passage", "/forecasts", "/forecasts?outcome=happened"];

    [Fact]
    public async Task ListPages_ReadNoMoreRows_AtFiveTimesThePosts()
    {
        using var small = await ListSite.CreateAsync(SmallPosts);
        using var large = await ListSite.CreateAsync(LargePosts);

        // Each page as a stranger sees it (a cache miss) and as a signed-in member (never cached), as bench/ measures them.
        var variants = new (string Name, HttpClient Small, HttpClient Large)[]
        {
            ("miss", small.CreateReader(), large.CreateReader()),
            ("member", await CommentPages.SignedInAsync(small, "lister", "Member"), await CommentPages.SignedInAsync(large, "lister", "Member")),
        };
        var grown = new List<string>();
        var measured = 0L;
        foreach (var (variant, smallClient, largeClient) in variants)
        {
            foreach (var page in s_pages)
            {
                var atSmall = await small.MeasureAsync(smallClient, page);
                var atLarge = await large.MeasureAsync(largeClient, page);
                measured += atSmall;
                output.WriteLine($"{page} ({variant}): {atSmall} at {SmallPosts} posts, {atLarge} at {LargePosts}");

                // A page may read nothing at all (the archive counts its months once per change of content).
                if (atLarge > atSmall * Allowed + Slack)
                {
                    grown.Add($"{page} ({variant}): {atSmall} at {SmallPosts} posts, {atLarge} at {LargePosts}");
                }
            }
        }

        Assert.True(measured > 0, "The meter saw no database work at all");
        Assert.True(grown.Count == 0, "List pages whose database work grows with the number of posts:\n" + string.Join('\n', grown));
    }

    /// <summary>A site whose output cache varies by "nocache" (as the bench's sites), so each measured request builds its page.</summary>
    private sealed class ListSite : SiteFactory
    {
        private int _request;

        private ListSite()
        {
            Settings["Cms:PublicCache:QueryKeys"] = "nocache";

            // The meter counts every command of the site: background work (the scheduled publisher's look for
            // due posts) running during a measured request would be counted as the page's.
            Settings["PublishLater:Enabled"] = "false";
        }

        public RowsReadMeter Meter { get; } = new();

        public static async Task<ListSite> CreateAsync(int posts)
        {
            var site = new ListSite { ClusterPollMilliseconds = 600_000 };
            await site.InScopeAsync(sp =>
            {
                var contentManager = sp.GetRequiredService<IContentManager>();
                var first = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                var span = new DateTime(2021, 7, 1, 0, 0, 0, DateTimeKind.Utc) - first;
                var items = Enumerable.Range(0, posts).Select(i =>
                {
                    var item = TaggedPosts.New(contentManager, $"Bench post {i}", first + span * i / posts, "Bench", $"Topic {i % 20}");
                    item.Alter<ForecastPart>(p => p.Forecasts = [Forecast(i)]);
                    item.Published = true;
                    item.Latest = true;
                    return item;
                }).ToList();
                return contentManager.ImportAsync(items);
            });

            if (PostgresCluster.Enabled)
            {
                // The statistics autovacuum gathers within a minute of a bulk import (checked: 10,000 posts
                // imported by the CLI were analysed 4 s after it ended); without them the planner guesses
                // every search term rare and reads all its matches.
                await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Database.ExecuteSqlRawAsync("ANALYZE"));
            }

            return site;
        }

        /// <summary>Every post makes a forecast for /forecasts: most open, some resolved with a probability (scored by the record).</summary>
        private static Forecast Forecast(int i) => new()
        {
            Statement = $"Forecast {i}",
            Probability = i % 100,
            ResolveByUtc = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Outcome = (i % 3) switch { 0 => null, 1 => ForecastOutcome.Happened, _ => ForecastOutcome.DidNotHappen },
            ResolvedUtc = i % 3 == 0 ? null : new DateTime(2022, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        };

        /// <summary>The work of one request for the page (the least of three), after two that warm it (compiled code, counted archive).</summary>
        public async Task<long> MeasureAsync(HttpClient reader, string page)
        {
            for (var i = 0; i < 2; i++)
            {
                (await reader.GetAsync(Fresh(page))).EnsureSuccessStatusCode();
            }

            // The least of three requests: the meter sees every command of the site, and a background pass
            // that lands in one request's window is not the page's work. Growth with the posts is in all three.
            var least = long.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                Meter.Reset();
                (await reader.GetAsync(Fresh(page))).EnsureSuccessStatusCode();
                least = Math.Min(least, await Meter.ReadAsync());
            }

            return least;
        }

        private string Fresh(string page) => page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "nocache=" + Interlocked.Increment(ref _request);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Meter));
        }
    }
}
