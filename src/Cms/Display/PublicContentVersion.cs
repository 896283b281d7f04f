using System.Collections.Concurrent;
using System.Diagnostics;
using Cms.Data;
using Cms.Hosting;

namespace Cms.Display;

/// <summary>
/// The public-pages signal's version as this request first read it (<see cref="PublicCache.VersionAsync"/>): one key
/// lookup a request however many kept values (<see cref="PublicContentCache{TValue}"/>) the page asks for.
/// </summary>
/// <remarks>
/// On SQLite the lookup is a statement prepared once on a connection kept for it (<see cref="SqliteSignalReader"/>;
/// a restore's <see cref="SqlitePools.ClearAll"/> closes those), not an EF Core query: on a cache miss whose page is
/// built from kept values it is the request's only read, and EF Core's context, query pipeline and connection set-up
/// cost a quarter of the page's CPU in the profile, preparing the statement each time 6 % more (bench/README.md, issue
/// 12 point 1). PostgreSQL keeps the EF Core query.
/// </remarks>
public sealed class PublicContentVersion(LazyDbContext db, ShellSettingsStore shell, SqliteSignalReader sqlite)
{
    // The signal document's table per table prefix: asked of the model once, not per request.
    private static readonly ConcurrentDictionary<string, string> s_selects = new(StringComparer.Ordinal);

    private long? _version;

    public async Task<long> GetAsync() => _version ??= shell.Current is { DatabaseProvider: SiteShellSettings.Sqlite } settings
        ? ReadSqlite(settings.ConnectionString)
        : await PublicCache.VersionAsync(db.Context);

    private long ReadSqlite(string connectionString)
    {
        var started = Stopwatch.GetTimestamp();
        // The context is made for the first read under a table prefix only (the table's name is the model's).
        var select = s_selects.GetOrAdd(shell.Current?.TablePrefix ?? "", _ =>
            $"SELECT \"Version\" FROM \"{DatabaseSchema.TableOf<DocumentRecord>(db.Context)}\" WHERE \"Id\" = $id");
        var value = sqlite.Read(connectionString, select, ClusterSignals.PublicPagesSignal);
        Telemetry.RequestDatabaseTime.Add(Stopwatch.GetElapsedTime(started));
        return value;
    }
}
