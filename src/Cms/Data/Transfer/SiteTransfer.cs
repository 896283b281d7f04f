using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Transfer;

/// <summary>
/// Fills a new site database from a row source, all or nothing: the target must hold no site; its
/// tables are made as setup makes them, every row is copied with its keys, then each module's
/// derived data (the search index) is made again there, all in one transaction. While it runs the
/// site's services point at the target (as during setup); on failure they point back and the target
/// is left as it was (a new SQLite file is deleted). The caller writes site.json when it succeeds.
/// </summary>
public sealed class SiteTransfer(IServiceProvider services, ShellSettingsStore shell, DocumentCache cache)
{
    public async Task<CopyResult> CopyIntoAsync(SiteShellSettings target, IRowSource source, CancellationToken cancellationToken = default)
    {
        var previous = shell.Current;
        var file = SiteDatabase.SqliteFileOf(target);
        if (file is not null && File.Exists(file))
        {
            throw new TransferException($"the database file {file} already exists; name a new file (or move that one away).");
        }

        if (file is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        shell.Use(target);
        cache.Clear();
        var succeeded = false;
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await PrepareAsync(db, cancellationToken);
            var result = await db.InTransactionAsync(async () =>
            {
                await new SchemaUpgrader(db).UpgradeAsync();
                var copied = await SiteCopier.CopyAsync(source, db, cancellationToken);
                foreach (var derived in scope.ServiceProvider.GetServices<IDerivedData>())
                {
                    await derived.RebuildAsync();
                }

                return copied;
            }, cancellationToken);
            succeeded = true;
            return result;
        }
        finally
        {
            cache.Clear();
            if (!succeeded)
            {
                shell.Use(previous);
                if (file is not null)
                {
                    DeleteSqlite(file);
                }
            }
        }
    }

    /// <summary>The database exists (made when missing), holds no site, and SQLite keeps a write-ahead log.</summary>
    private static async Task PrepareAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        try
        {
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new TransferException($"the target database cannot be reached or made: {ex.Message}");
        }

        if (await DatabaseSchema.TableExistsAsync(db, DatabaseSchema.TableOf<DocumentRecord>(db)))
        {
            throw new TransferException($"the target database already holds a site (table {DatabaseSchema.TableOf<DocumentRecord>(db)}); give an empty database or another table prefix.");
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static void DeleteSqlite(string file)
    {
        SqlitePools.ClearAll();
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>A transfer refused for a reason the deployer can act on; the message says what.</summary>
public sealed class TransferException(string message) : Exception(message);
