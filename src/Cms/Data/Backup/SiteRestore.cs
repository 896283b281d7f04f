using System.IO.Compression;
using Cms.Data.Transfer;
using Cms.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Data.Backup;

/// <summary>
/// Restores a backup into an empty data folder: the same provider as the backup by default (a SQLite
/// file copied as it was backed up; a pg_dump archive through pg_restore), or another one (rows
/// copied, the search index made again). Checks the restored tables against the manifest's row
/// counts, puts back the Data Protection key files, and writes site.json last: until then there is no site.
/// </summary>
public sealed class SiteRestore(IServiceProvider services, ShellSettingsStore shell, SiteTransfer transfer, IOptions<BackupOptions> options)
{
    public sealed record Result(SiteShellSettings Settings, BackupManifest Manifest, IReadOnlyDictionary<string, long> Rows);

    /// <summary>
    /// Restores <paramref name="file"/>. Each of the others may be null: the backup's provider and table
    /// prefix; for SQLite App_Data/site.db; PostgreSQL needs the connection string (the backup leaves the password out).
    /// </summary>
    public async Task<Result> RestoreAsync(string file, string? provider, string? connectionString, string? tablePrefix, CancellationToken cancellationToken = default)
    {
        var siteJson = Path.Combine(shell.AppDataPath, "site.json");
        if (shell.IsSetUp || File.Exists(siteJson))
        {
            throw new BackupException($"the data folder {shell.AppDataPath} holds a site (site.json); restore into an empty data folder (Cms__AppData=/new/folder), or move this one away first.");
        }

        using var archive = BackupArchive.Open(file);
        var manifest = archive.Manifest;
        var target = Target(manifest, provider, connectionString, tablePrefix);
        var folders = await BackupFolders.PlanAsync(archive, FolderOf(), cancellationToken);
        var sameShape = target.DatabaseProvider == manifest.Provider && target.TablePrefix == manifest.TablePrefix;
        IReadOnlyDictionary<string, long> rows = manifest.Method switch
        {
            BackupMethods.SqliteOnline when sameShape => await SqliteFileAsync(archive, target, cancellationToken),
            BackupMethods.SqliteOnline => await FromSqliteCopyAsync(archive, target, cancellationToken),
            BackupMethods.SiteDump => (await transfer.CopyIntoAsync(target, new DumpRowSource(archive.Zip), cancellationToken)).Rows,
            _ when sameShape => await PgRestoreAsync(archive, target, cancellationToken),
            _ => throw new BackupException(target.DatabaseProvider == SiteShellSettings.Postgres
                ? "this backup holds a pg_dump archive, which restores with its own table prefix only; leave --table-prefix out."
                : "this backup holds a pg_dump archive, which restores into PostgreSQL only: restore it there, then move the site with 'database move --to Sqlite'."),
        };
        Verify(manifest, rows);
        await RestoreKeyFilesAsync(archive, cancellationToken);
        await BackupFolders.ExtractAsync(folders, cancellationToken);
        shell.Save(target);
        return new Result(target, manifest, rows);
    }

    private SiteShellSettings Target(BackupManifest manifest, string? provider, string? connectionString, string? tablePrefix)
    {
        provider ??= manifest.Provider;
        if (provider == SiteShellSettings.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new BackupException("restoring into PostgreSQL needs --connection-string naming the (empty) database; the backup leaves the password out.") { BadInput = true };
        }

        return shell.Anchored(new SiteShellSettings
        {
            DatabaseProvider = provider,
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? shell.DefaultSqliteConnectionString() : connectionString,
            TablePrefix = tablePrefix ?? manifest.TablePrefix,
        });
    }

    /// <summary>
    /// Where a backed-up folder goes: the folder of that name as this site's module configures it
    /// (Media__Root read against the new data folder), else where it was relative to the data folder.
    /// </summary>
    private Func<BackupFolderRecord, string?> FolderOf()
    {
        using var scope = services.CreateScope();
        var configured = scope.ServiceProvider.GetServices<FeatureBound<IBackupFolder>>()
            .Select(f => f.Service).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        return record => configured.TryGetValue(record.Name, out var path) ? path
            : record.InAppData is { } inAppData && !Path.IsPathRooted(inAppData) && !inAppData.Split('/', '\\').Contains("..")
                ? Path.Combine(shell.AppDataPath, inAppData) : null;
    }

    /// <summary>The backed-up SQLite file itself, checked (integrity and rows) before it becomes the site's.</summary>
    private async Task<IReadOnlyDictionary<string, long>> SqliteFileAsync(BackupArchive archive, SiteShellSettings target, CancellationToken cancellationToken)
    {
        var file = SiteDatabase.SqliteFileOf(target) ?? throw new BackupException("the SQLite connection string names no file.");
        if (File.Exists(file))
        {
            throw new BackupException($"the database file {file} already exists; restore into an empty data folder.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        File.Delete(partial);
        try
        {
            await archive.ExtractAsync(BackupEntries.SqliteDatabase, partial, cancellationToken);
            Dictionary<string, long> rows;
            await using (var db = SiteDatabase.Open(services, SiteDatabase.SqliteFile(partial, target.TablePrefix)))
            {
                var check = await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").ToListAsync(cancellationToken);
                if (check is not ["ok"])
                {
                    throw new BackupException($"the backup's database is damaged: {string.Join("; ", check.Take(3))}");
                }

                rows = await SiteCopier.CountAsync(db, cancellationToken);
            }

            SqlitePools.ClearAll();
            File.Move(partial, file);
            return rows;
        }
        finally
        {
            SqlitePools.ClearAll();
            File.Delete(partial);
        }
    }

    /// <summary>A SQLite backup into PostgreSQL (or under another table prefix): the copy's rows, read from a temporary file.</summary>
    private async Task<IReadOnlyDictionary<string, long>> FromSqliteCopyAsync(BackupArchive archive, SiteShellSettings target, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"site-restore-{Guid.NewGuid():N}.db");
        try
        {
            await archive.ExtractAsync(BackupEntries.SqliteDatabase, copy, cancellationToken);
            await using var source = SiteDatabase.Open(services, SiteDatabase.SqliteFile(copy, archive.Manifest.TablePrefix, readOnly: true));
            return (await transfer.CopyIntoAsync(target, new DatabaseRowSource(source), cancellationToken)).Rows;
        }
        finally
        {
            SqlitePools.ClearAll();
            File.Delete(copy);
        }
    }

    private async Task<IReadOnlyDictionary<string, long>> PgRestoreAsync(BackupArchive archive, SiteShellSettings target, CancellationToken cancellationToken)
    {
        var pgRestore = PgTools.Find("pg_restore", options.Value.PgRestore)
            ?? throw new BackupException("this backup holds a pg_dump archive; restoring it needs pg_restore (PostgreSQL's client programs), which was not found (Backups__PgRestore names it).");
        await using (var db = SiteDatabase.Open(services, target))
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }
            else if (await DatabaseSchema.TableExistsAsync(db, DatabaseSchema.TableOf<DocumentRecord>(db)))
            {
                throw new BackupException($"the target database already holds a site (table {DatabaseSchema.TableOf<DocumentRecord>(db)}); give an empty database.");
            }
        }

        var dump = Path.Combine(Path.GetTempPath(), $"site-restore-{Guid.NewGuid():N}.pgdump");
        try
        {
            await archive.ExtractAsync(BackupEntries.PgDumpArchive, dump, cancellationToken);
            var database = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString).Database ?? "";
            var (exitCode, error) = await PgTools.RunAsync(pgRestore,
                ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={database}", dump], target.ConnectionString, cancellationToken);
            if (exitCode != 0)
            {
                throw new BackupException($"pg_restore failed: {error.Split('\n', 2)[0]}");
            }
        }
        finally
        {
            File.Delete(dump);
        }

        await using var restored = SiteDatabase.Open(services, target);
        return await SiteCopier.CountAsync(restored, cancellationToken);
    }

    private static void Verify(BackupManifest manifest, IReadOnlyDictionary<string, long> rows)
    {
        var wrong = manifest.Rows.Where(r => rows.TryGetValue(r.Key, out var count) && count != r.Value)
            .Select(r => $"{r.Key}: {rows[r.Key]} rows, the backup says {r.Value}").ToList();
        if (wrong.Count > 0)
        {
            throw new BackupException("the restored database does not match the backup's manifest: " + string.Join("; ", wrong));
        }
    }

    private async Task RestoreKeyFilesAsync(BackupArchive archive, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(shell.AppDataPath, "DataProtection-Keys");
        foreach (var entry in archive.Zip.Entries.Where(e => e.FullName.StartsWith(BackupEntries.KeysFolder, StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, entry.Name);
            if (!File.Exists(path))
            {
                await entry.ExtractToFileAsync(path, overwrite: false, cancellationToken);
            }
        }
    }
}
