using Cms.Data;
using Cms.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Display;

/// <summary>
/// Evicts this node's cached public pages, and bumps the shared signal so every other node of the
/// site evicts its own (see <see cref="ClusterSignals"/>). With Redis configured, the cache itself is shared.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, IServiceScopeFactory scopes) : IPublicCache
{
    // The signal's versions this node's own bumps made and no poll has passed yet: a change made of these alone
    // needs no second eviction (a recipe bumps several times between two polls).
    private readonly HashSet<int> _ownVersions = [];

    public async Task EvictAllAsync()
    {
        await EvictLocalAsync();
        using var scope = scopes.CreateScope();
        var version = await BumpAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), ClusterSignals.PublicPagesSignal);
        // This process's next page reads the version anew, not from a stamp of the files taken before the bump.
        SqliteSignalReader.SignalMoved();
        lock (_ownVersions)
        {
            _ownVersions.Add(version);
        }
    }

    /// <summary>
    /// True when the public-pages signal moved from <paramref name="before"/> (null: the signal did not exist) to
    /// <paramref name="now"/> by this node's own bumps alone: its pages were evicted when it bumped, and evicting
    /// them again at the next poll would throw away pages cached since. Every version in between must be its own,
    /// so another node's bump among them still evicts. Forgets the versions up to <paramref name="now"/>.
    /// </summary>
    public bool OnlyOwnChange(int? before, int now)
    {
        lock (_ownVersions)
        {
            var from = before ?? 0;
            var own = now > from && Enumerable.Range(from + 1, now - from).All(_ownVersions.Contains);
            _ownVersions.RemoveWhere(v => v <= now);
            return own;
        }
    }

    public async Task EvictLocalAsync() => await store.EvictByTagAsync(IPublicCache.Tag, CancellationToken.None);

    /// <summary>
    /// The shared public-pages signal's version (-1 before the first change): it moves on every change readers can
    /// see, on whichever node made it, so a value kept under it (the archive's months, the forecasts' record) is
    /// right on every node at once, even when the pages come from a shared output cache. One key lookup.
    /// </summary>
    /// <remarks>Not an EF compiled query: one is bound to the first model it ran with, and a process may hold several
    /// (a site moved to another provider, the tests' sites): "executed with a different model" (DatabaseMoveTests).</remarks>
    public static async Task<long> VersionAsync(CmsDbContext db)
        => await db.Documents.AsNoTracking().Where(d => d.Id == ClusterSignals.PublicPagesSignal).Select(d => (long?)d.Version).FirstOrDefaultAsync() ?? -1;

    /// <summary>Moves a signal document's version on, creating it the first time (safe when two nodes race); returns the version this bump made.</summary>
    public static async Task<int> BumpAsync(CmsDbContext db, string signal)
    {
        var table = DatabaseSchema.TableOf<DocumentRecord>(db);
        var insert = db.Database.IsSqlite()
            ? $"INSERT OR IGNORE INTO \"{table}\" (\"Id\", \"Content\", \"Version\") VALUES ({{0}}, '{{{{}}}}', 0)"
            : $"INSERT INTO \"{table}\" (\"Id\", \"Content\", \"Version\") VALUES ({{0}}, '{{{{}}}}', 0) ON CONFLICT (\"Id\") DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(insert, signal);
        // One statement reads back the version it wrote, so a bump by another node in between is never taken for this one.
        var update = $"UPDATE \"{table}\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {{0}} RETURNING \"Version\" AS \"Value\"";
        return (await db.Database.SqlQueryRaw<int>(update, signal).ToListAsync()).Single();
    }
}
