using System.IO.Compression;
using Cms.Data.Transfer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Backup;

/// <summary>
/// The database part of a backup, each way taken at one moment while the site keeps writing:
/// SQLite's online backup API; pg_dump inside a snapshot this side exported (so the row counts in
/// the manifest are pg_dump's moment too); or the site's own dump read in one repeatable-read transaction.
/// </summary>
public sealed class DatabaseCopy(IServiceProvider services, BackupOptions options)
{
    public sealed record Result(string Method, Dictionary<string, long> Rows, string Note);

    public async Task<Result> WriteAsync(SiteShellSettings settings, ZipArchive zip, string workFolder, CancellationToken cancellationToken)
        => settings.DatabaseProvider == SiteShellSettings.Postgres
            ? await PostgresAsync(settings, zip, workFolder, cancellationToken)
            : await SqliteAsync(settings, zip, workFolder, cancellationToken);

    private async Task<Result> SqliteAsync(SiteShellSettings settings, ZipArchive zip, string workFolder, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(workFolder, $".backup-{Guid.NewGuid():N}.db");
        try
        {
            using (var source = new SqliteConnection(settings.ConnectionString))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                source.Open();
                target.Open();
                // One step over every page, under one read transaction: the copy is the database at one moment.
                source.BackupDatabase(target);
            }

            Dictionary<string, long> rows;
            await using (var db = SiteDatabase.Open(services, SiteDatabase.SqliteFile(copy, settings.TablePrefix, readOnly: true)))
            {
                rows = await SiteCopier.CountAsync(db, cancellationToken);
            }

            await zip.CreateEntryFromFileAsync(copy, BackupEntries.SqliteDatabase, CompressionLevel.Optimal, cancellationToken);
            return new Result(BackupMethods.SqliteOnline, rows, "");
        }
        finally
        {
            SqlitePools.ClearAll();
            File.Delete(copy);
        }
    }

    private async Task<Result> PostgresAsync(SiteShellSettings settings, ZipArchive zip, string workFolder, CancellationToken cancellationToken)
    {
        await using var db = SiteDatabase.Open(services, settings);
        await using var snapshot = await SiteDatabase.BeginSnapshotAsync(db, cancellationToken);
        var rows = await SiteCopier.CountAsync(db, cancellationToken);
        var note = "";
        if (PgTools.Find("pg_dump", options.PgDump) is { } pgDump)
        {
            var archive = Path.Combine(workFolder, $".backup-{Guid.NewGuid():N}.pgdump");
            try
            {
                var id = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(cancellationToken);
                List<string> arguments = ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={id}", $"--file={archive}"];
                if (settings.TablePrefix.Length > 0)
                {
                    // Only this site's tables (and their sequences) when it shares the database with others.
                    arguments.Add($"--table=\"{settings.TablePrefix}_\"*");
                }

                var (exitCode, error) = await PgTools.RunAsync(pgDump, arguments, settings.ConnectionString, cancellationToken);
                if (exitCode == 0)
                {
                    await zip.CreateEntryFromFileAsync(archive, BackupEntries.PgDumpArchive, CompressionLevel.NoCompression, cancellationToken);
                    return new Result(BackupMethods.PgDump, rows, "");
                }

                note = $"pg_dump failed ({FirstLine(error)}), so the site's own dump was written.";
            }
            finally
            {
                File.Delete(archive);
            }
        }
        else
        {
            note = "pg_dump was not found (or Backups__PgDump is none), so the site's own dump was written.";
        }

        await SiteDump.WriteAsync(db, zip, cancellationToken);
        return new Result(BackupMethods.SiteDump, rows, note);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
