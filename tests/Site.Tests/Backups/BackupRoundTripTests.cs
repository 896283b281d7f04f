using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Backups;

/// <summary>
/// <c>backup --out FILE</c> while the site takes writes, then <c>restore FILE</c> into an empty data
/// folder: the restored site holds exactly what the source held at the backup's moment. Writers
/// publish posts (each one transaction over the content, path, tag, link-check and search tables);
/// the restored site must hold each such post whole or not at all, and everything else row for row.
/// </summary>
public sealed class BackupRoundTripTests
{
    private static readonly string[] s_notAtTheMoment = ["|Signal:", "|Backups:History|"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BackupUnderWriteLoad_RestoresTheSiteAsItWasAtTheBackupsMoment(bool intoTheOtherProvider)
    {
        using var source = new SiteFactory();
        using var restored = new RestoredSite();
        using var files = new TempFolder();
        await BackupSeed.FillAsync(source);
        var file = Path.Combine(files.Path, "site-backup.zip");

        using var stop = new CancellationTokenSource();
        var units = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => WriteAsync(source, units, stop.Token))).ToList();
        await WaitForAsync(() => units.Count >= 10);
        var backupArgs = new List<string> { "backup", "--out", file };
        if (intoTheOtherProvider && PostgresCluster.Enabled)
        {
            backupArgs.Add("--Backups:PgDump=none"); // the site's own dump, restored into SQLite
        }

        var timer = Stopwatch.StartNew();
        var beforeBackup = units.Count;
        var backup = await Cli.RunAsync(source.AppData, [.. backupArgs]);
        var duringBackup = units.Count - beforeBackup;
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var afterBackup = units.Count;
        await WaitForAsync(() => units.Count >= afterBackup + 5);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var restoreArgs = new List<string> { "restore", file };
        if (intoTheOtherProvider)
        {
            restoreArgs.AddRange(PostgresCluster.Enabled ? ["--to", "Sqlite"] : ["--to", "Postgres", "--connection-string", restored.NewPostgresDatabase()]);
        }
        else if (PostgresCluster.Enabled)
        {
            restoreArgs.AddRange(["--connection-string", restored.NewPostgresDatabase()]);
        }

        var restore = await Cli.RunAsync(restored.AppData, [.. restoreArgs]);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var sourceRows = (await TableRows.TakeAsync(source)).Where(l => !s_notAtTheMoment.Any(l.Contains)).ToList();
        var restoredRows = (await TableRows.TakeAsync(restored)).Where(l => !s_notAtTheMoment.Any(l.Contains)).ToList();
        var inBackup = units.Where(id => restoredRows.Any(l => l.Contains(id, StringComparison.Ordinal))).ToHashSet();
        Assert.InRange(inBackup.Count, beforeBackup, units.Count - 5);
        foreach (var id in units)
        {
            // Whole or not at all: a post's rows in five tables were written in one transaction.
            var expected = inBackup.Contains(id) ? sourceRows.Where(l => l.Contains(id, StringComparison.Ordinal)).ToList() : [];
            Assert.Equal(expected, restoredRows.Where(l => l.Contains(id, StringComparison.Ordinal)).ToList());
        }

        Assert.Equal(sourceRows.Where(l => !units.Any(l.Contains)).ToList(), restoredRows.Where(l => !units.Any(l.Contains)).ToList());
        Console.WriteLine($"backup under load: {units.Count} posts written, {inBackup.Count} in the backup, {duringBackup} committed while it ran; {timer.ElapsedMilliseconds} ms");

        // The restored site serves, and its members sign in with the passwords they had.
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(restored.CreateReader(), BackupSeed.Member, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await restored.CreateReader().GetAsync("/")).StatusCode);
    }

    /// <summary>Publishes posts one after another until stopped; each id is added once its transaction has committed.</summary>
    private static async Task WriteAsync(SiteFactory site, ConcurrentBag<string> units, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var id = await site.InScopeAsync(async sp =>
            {
                var contents = sp.GetRequiredService<IContentManager>();
                var item = TestPosts.New(contents, "Load " + Guid.NewGuid().ToString("N")[..8]);
                item.Alter<global::Modules.NewsCommentary.Models.TagsPart>(p => p.Tags = ["Load"]);
                return (await contents.PublishAsync(item)).ContentItemId;
            });
            units.Add(id);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the writers did not get that far within 60 s");
            await Task.Delay(20);
        }
    }
}
