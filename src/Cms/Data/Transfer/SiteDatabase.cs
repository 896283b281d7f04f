using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cms.Data.Transfer;

/// <summary>
/// A site database other than the one the services are set up with: the source of a move, a SQLite
/// copy taken out of a backup. The same model (every module's tables, the table prefix) as the site's
/// own context, built on the given settings and nothing else (no interceptors, no retries).
/// </summary>
public static class SiteDatabase
{
    public static CmsDbContext Open(IServiceProvider services, SiteShellSettings settings)
    {
        var options = new DbContextOptionsBuilder<CmsDbContext>();
        if (settings.DatabaseProvider == SiteShellSettings.Postgres)
        {
            options.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            options.UseSqlite(settings.ConnectionString);
        }

        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, TablePrefixModelCacheKeyFactory>();

        // The context reads its table prefix from a settings store; this one holds only these settings
        // and points at a data folder that does not exist, so it never reads or writes a site.json.
        var detached = new ShellSettingsStore(
            Options.Create(new CmsOptions { AppData = Path.Combine(Path.GetTempPath(), "cms-detached-" + Guid.NewGuid().ToString("N")) }),
            services.GetRequiredService<IHostEnvironment>());
        detached.Use(settings);
        return new CmsDbContext(options.Options, services.GetServices<IModelContributor>(), detached);
    }

    /// <summary>A SQLite file opened on its own (no pooling, so the file can be moved or deleted at once afterwards).</summary>
    public static SiteShellSettings SqliteFile(string file, string tablePrefix, bool readOnly = false) => new()
    {
        DatabaseProvider = SiteShellSettings.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString(),
        TablePrefix = tablePrefix,
    };

    /// <summary>The SQLite file a connection string names, or null (PostgreSQL, in-memory).</summary>
    public static string? SqliteFileOf(SiteShellSettings settings)
    {
        if (settings.DatabaseProvider != SiteShellSettings.Sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        return file.Length == 0 || file == ":memory:" ? null : file;
    }

    /// <summary>
    /// A read transaction that sees one moment of the whole database while others keep writing:
    /// SQLite's deferred transaction (a snapshot of the write-ahead log, taking no write lock) or
    /// PostgreSQL's repeatable read.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSnapshotAsync(CmsDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        return await db.Database.UseTransactionAsync(transaction, cancellationToken) ?? throw new InvalidOperationException("The snapshot transaction was not taken.");
    }

    public static bool IsKnownProvider(string provider)
        => provider is SiteShellSettings.Sqlite or SiteShellSettings.Postgres;

    /// <summary>"sqlite" or "postgresql" as a deployer may type it, to the name site.json uses; null when neither.</summary>
    public static string? ProviderName(string? typed) => typed?.Trim().ToLowerInvariant() switch
    {
        "sqlite" => SiteShellSettings.Sqlite,
        "postgres" or "postgresql" or "npgsql" => SiteShellSettings.Postgres,
        _ => null,
    };
}
