using System.Net;
using Cms.Cli;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Backups;

/// <summary>
/// <c>database move</c>: a site with members, comments and history moved from its database to the
/// other provider (SQLite to PostgreSQL in the SQLite pass, PostgreSQL to SQLite in the PostgreSQL
/// pass) and back serves the same pages, holds the same rows, its members sign in with their old
/// passwords, and a cookie issued before the move still signs its holder in (the key ring moved too).
/// </summary>
public sealed class DatabaseMoveTests
{
    private static readonly string[] s_pages = ["/", "/archive", "/tags", "/rss.xml", "/atom.xml", "/sitemap.xml"];

    // Search pages are each provider's own (FTS5 snippets, ts_headline): the same posts are found.
    private static readonly string[] s_searches = ["/search?q=Backupword", "/search?q=quoted+passage", "/search?q=analysis"];

    [Fact]
    public async Task SiteMovedToTheOtherProviderAndBack_ServesTheSamePages_AndMembersKeepTheirPasswords()
    {
        using var source = new SiteFactory();
        var seeded = await BackupSeed.FillAsync(source);
        string[] pages = [.. s_pages, seeded.Post.Path, seeded.Edited.Path];
        var cookie = await AdminCookieAsync(source);
        var rows = await TableRows.TakeAsync(source);
        var fingerprint = await DatabaseFingerprint.TakeAsync(source);
        var html = await PagesAsync(source, pages);
        var found = await FoundAsync(source);

        using var moved = new RestoredSite(copySiteFrom: source.AppData);
        var there = PostgresCluster.Enabled
            ? new[] { "--to", "Sqlite", "--connection-string", $"Data Source={Path.Combine(source.AppData, "moved.db")}" }
            : ["--to", "Postgres", "--connection-string", moved.NewPostgresDatabase()];
        var move = await Cli.RunAsync(source.AppData, ["database", "move", .. there]);
        Assert.True(move.ExitCode == 0, move.ToString());
        Assert.Contains("Moved the site from", move.Out, StringComparison.Ordinal);
        Assert.Contains("4 comment(s)", move.Out, StringComparison.Ordinal);

        Assert.Equal(rows, await TableRows.TakeAsync(moved));
        Assert.Equal(fingerprint, await DatabaseFingerprint.TakeAsync(moved));
        Assert.Equal(html, await PagesAsync(moved, pages));
        Assert.Equal(found, await FoundAsync(moved));
        await SignsInAsync(moved, cookie);

        // Signing in wrote (a failed attempt is counted): the move back starts from the moved site as it is now.
        rows = await TableRows.TakeAsync(moved);
        using var back = new RestoredSite(copySiteFrom: moved.AppData);
        var home = PostgresCluster.Enabled
            ? new[] { "--to", "Postgres", "--connection-string", back.NewPostgresDatabase() }
            : ["--to", "Sqlite", "--connection-string", $"Data Source={Path.Combine(moved.AppData, "back.db")}"];
        var moveBack = await Cli.RunAsync(moved.AppData, ["database", "move", .. home]);
        Assert.True(moveBack.ExitCode == 0, moveBack.ToString());

        Assert.Equal(rows, await TableRows.TakeAsync(back));
        Assert.Equal(html, await PagesAsync(back, pages));
        Assert.Equal(found, await FoundAsync(back));
        await SignsInAsync(back, cookie);
    }

    [Fact]
    public async Task MoveIntoADatabaseThatHoldsASite_IsRefused_AndTheSiteStaysWhereItWas()
    {
        using var source = new SiteFactory();
        _ = source.Services;
        var siteJson = await File.ReadAllTextAsync(Path.Combine(source.AppData, "site.json"));
        var occupied = PostgresCluster.Enabled
            ? new[] { "--to", "Postgres", "--connection-string", CurrentConnection(siteJson) }
            : ["--to", "Sqlite", "--connection-string", $"Data Source={Path.Combine(source.AppData, "site.db")}"];

        var move = await Cli.RunAsync(source.AppData, ["database", "move", .. occupied]);

        Assert.Equal(CliExit.Environment, move.ExitCode);
        Assert.Contains("the site", move.Error, StringComparison.Ordinal);
        Assert.Equal(siteJson, await File.ReadAllTextAsync(Path.Combine(source.AppData, "site.json")));

        var bad = await Cli.RunAsync(source.AppData, "database", "move", "--to", "Oracle");
        Assert.Equal(CliExit.InvalidInput, bad.ExitCode);
        Assert.Contains("--to must be Sqlite or Postgres, not 'Oracle'", bad.Error, StringComparison.Ordinal);
        var noConnection = await Cli.RunAsync(source.AppData, "database", "move", "--to", "Postgres");
        Assert.Equal(CliExit.InvalidInput, noConnection.ExitCode);
        Assert.Contains("--connection-string is needed for PostgreSQL", noConnection.Error, StringComparison.Ordinal);
    }

    private static string CurrentConnection(string siteJson)
        => System.Text.Json.JsonDocument.Parse(siteJson).RootElement.GetProperty("ConnectionString").GetString()!;

    private static async Task<string> AdminCookieAsync(SiteFactory site)
    {
        var response = await Accounts.SignInAsync(site.CreateReader(), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>A member signs in with the password they had, and the administrator's old cookie still opens the admin.</summary>
    private static async Task SignsInAsync(SiteFactory site, string cookie)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(site.CreateReader(), BackupSeed.Member, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.SignInAsync(site.CreateReader(), BackupSeed.Member, "not-the-password-at-all")).StatusCode);
        var admin = site.CreateReader();
        admin.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    /// <summary>The posts each search finds.</summary>
    private static async Task<List<string>> FoundAsync(SiteFactory site)
    {
        var found = new List<string>();
        foreach (var search in s_searches)
        {
            var (_, page) = await Html.GetAsync(site.CreateReader(), search);
            var links = page.QuerySelectorAll("ol.search-results a[href]").Select(a => a.GetAttribute("href")).Distinct().ToList();
            Assert.NotEmpty(links);
            found.Add(search + ": " + string.Join(" ", links.Order(StringComparer.Ordinal))); // ranking is each provider's own
        }

        return found;
    }

    private static async Task<List<string>> PagesAsync(SiteFactory site, IEnumerable<string> paths)
    {
        var reader = site.CreateReader();
        var pages = new List<string>();
        foreach (var path in paths)
        {
            var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(path + "\n" + await response.Content.ReadAsStringAsync());
        }

        return pages;
    }
}
