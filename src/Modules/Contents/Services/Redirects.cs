using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;

namespace Modules.Contents.Services;

/// <summary>The redirect table: where an old address now lives. Asked only when no item has the path, so it costs readers nothing.</summary>
public sealed class Redirects(LazyDbContext lazyDb, IAutorouteEntries entries)
{
    private CmsDbContext Db => lazyDb.Context;

    /// <summary>
    /// The site path a request for <paramref name="path"/> (with its leading '/', and its query when the old
    /// address had one, as WordPress's "/?p=12") should go to, or null. An item's redirect goes to its
    /// published path; while it has none (a draft), there is no redirect.
    /// </summary>
    public async Task<string?> FindAsync(string path)
    {
        if (path.Length > Redirect.MaxPath)
        {
            return null;
        }

        var row = await Db.Set<Redirect>().AsNoTracking().FirstOrDefaultAsync(r => r.FromPath == path);
        if (row?.ContentItemId is { } id)
        {
            return (await entries.PathsOfAsync([id])).GetValueOrDefault(id);
        }

        return row?.ToPath;
    }

    public async Task<IReadOnlyList<Redirect>> ListAsync()
        => await Db.Set<Redirect>().AsNoTracking().OrderBy(r => r.FromPath).ToListAsync();
}
