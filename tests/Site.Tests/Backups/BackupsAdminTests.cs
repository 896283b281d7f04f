using System.Net;
using Cms.Data;
using Cms.Security;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Backups;

/// <summary>/admin/backups: shows the last backup and starts one; ManageBackups and antiforgery guard it.</summary>
public sealed class BackupsAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private string Folder => Path.Combine(site.AppData, "backups");

    [Fact]
    public async Task Administrator_StartsABackup_AndThePageShowsWhenSizeAndWhere_ThenItRestores()
    {
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        var response = await Accounts.PostFormAsync(admin, "/admin/backups", "/admin/backups", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = Assert.Single(Directory.GetFiles(Folder, "backup-*.zip"));
        var (_, page) = await Html.GetAsync(admin, "/admin/backups");
        Assert.Contains("The site was backed up to " + file, page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        var last = page.QuerySelector("dl.last-backup")!.TextContent;
        Assert.Contains(file, last, StringComparison.Ordinal);
        Assert.Contains("KiB", last, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), last, StringComparison.Ordinal);
        Assert.Contains(SiteFactory.AdminUserName, last, StringComparison.Ordinal);

        using var restored = new RestoredSite();
        var args = PostgresCluster.Enabled ? new[] { "restore", file, "--connection-string", restored.NewPostgresDatabase() } : ["restore", file];
        var restore = await Cli.RunAsync(restored.AppData, args);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(restored.CreateReader(), SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task WithoutManageBackups_ThePageAndTheButtonAreRefused_AndNothingIsWritten()
    {
        await Accounts.EnsureUserAsync(site, "editor-no-backups", StandardRoles.Editor);
        var editor = await Accounts.SignedInClientAsync(site, "editor-no-backups");
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var (_, adminPage) = await Html.GetAsync(admin, "/admin/backups");
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0;
        var history = await HistoryAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/backups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/admin/backups", Form(Html.AntiforgeryToken((await Html.GetAsync(editor, "/admin")).Document)))).StatusCode);
        var anonymous = await site.CreateReader().GetAsync("/admin/backups");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login?ReturnUrl=%2Fadmin%2Fbackups", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The administrator's own click without the page's antiforgery token is refused too.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/admin/backups", Form(null))).StatusCode);
        Assert.NotNull(adminPage.QuerySelector("form[action='/admin/backups'] input[name=__RequestVerificationToken]"));

        Assert.Equal(files, Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0);
        Assert.Equal(history, await HistoryAsync());
    }

    [Fact]
    public async Task CommandLine_RefusesWhatItCannotDo_WithAMessage_AndWritesNothing()
    {
        using var folder = new TempFolder();
        _ = site.Services;
        var existing = Path.Combine(folder.Path, "taken.zip");
        await File.WriteAllTextAsync(existing, "not mine");

        var overwrite = await Cli.RunAsync(site.AppData, "backup", "--out", existing);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("already exists; a backup never overwrites a file", overwrite.Error, StringComparison.Ordinal);
        Assert.Equal("not mine", await File.ReadAllTextAsync(existing));

        var nowhere = await Cli.RunAsync(site.AppData, "backup", "--out", Path.Combine(folder.Path, "no", "such", "b.zip"));
        Assert.Contains("does not exist", nowhere.Error, StringComparison.Ordinal);

        var notSetUp = await Cli.RunAsync(Path.Combine(folder.Path, "empty"), "backup", "--out", Path.Combine(folder.Path, "b.zip"));
        Assert.Equal(2, notSetUp.ExitCode);
        Assert.Contains("not set up", notSetUp.Error, StringComparison.Ordinal);

        var notABackup = await Cli.RunAsync(Path.Combine(folder.Path, "empty"), "restore", existing);
        Assert.Equal(1, notABackup.ExitCode);
        Assert.Contains("is not a backup of this site (not a .zip file)", notABackup.Error, StringComparison.Ordinal);

        var backup = Path.Combine(folder.Path, "good.zip");
        Assert.Equal(0, (await Cli.RunAsync(site.AppData, "backup", "--out", backup)).ExitCode);
        var siteJson = await File.ReadAllTextAsync(Path.Combine(site.AppData, "site.json"));
        var onto = await Cli.RunAsync(site.AppData, "restore", backup);
        Assert.Equal(2, onto.ExitCode);
        Assert.Contains("holds a site (site.json); restore into an empty data folder", onto.Error, StringComparison.Ordinal);
        Assert.Equal(siteJson, await File.ReadAllTextAsync(Path.Combine(site.AppData, "site.json")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    private Task<string> HistoryAsync() => site.InScopeAsync(async sp =>
        string.Join("\n", (await sp.GetRequiredService<Cms.Data.Backup.ISiteBackup>().HistoryAsync()).Select(b => b.File)));

    private static FormUrlEncodedContent Form(string? token)
        => new(token is null ? [] : [KeyValuePair.Create("__RequestVerificationToken", token)]);
}
