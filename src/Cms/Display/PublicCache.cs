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
    public async Task EvictAllAsync()
    {
        await EvictLocalAsync();
        using var scope = scopes.CreateScope();
        await BumpAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), ClusterSignals.PublicPagesSignal);
    }

    public async Task EvictLocalAsync() => await store.EvictByTagAsync(IPublicCache.Tag, CancellationToken.None);

    /// <summary>Moves a signal document's version on, creating it the first time (safe when two nodes race).</summary>
    public static async Task BumpAsync(CmsDbContext db, string signal)
    {
        var table = DatabaseSchema.TableOf<DocumentRecord>(db);
        var insert = db.Database.IsSqlite()
            ? $"INSERT OR IGNORE INTO \"{table}\" (\"Id\", \"Content\", \"Version\") VALUES ({{0}}, '{{{{}}}}', 0)"
            : $"INSERT INTO \"{table}\" (\"Id\", \"Content\", \"Version\") VALUES ({{0}}, '{{{{}}}}', 0) ON CONFLICT (\"Id\") DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(insert, signal);
        await db.Documents.Where(d => d.Id == signal).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1));
    }
}
