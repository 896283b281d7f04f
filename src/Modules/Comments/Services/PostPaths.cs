using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;

namespace Modules.Comments.Services;

/// <summary>Posts' public addresses by item id, from the path index: one query for any number of items.</summary>
public sealed class PostPaths(CmsDbContext db)
{
    public async Task<string> PathOfAsync(string contentItemId)
        => (await PathsOfAsync([contentItemId])).GetValueOrDefault(contentItemId, "/");

    public async Task<IReadOnlyDictionary<string, string>> PathsOfAsync(IReadOnlyCollection<string> contentItemIds)
    {
        var rows = await db.Set<AutoroutePartIndex>().AsNoTracking()
            .Where(i => contentItemIds.Contains(i.ContentItemId) && i.Published)
            .Select(i => new { i.ContentItemId, i.Path })
            .ToListAsync();
        return rows.DistinctBy(r => r.ContentItemId).ToDictionary(r => r.ContentItemId, r => "/" + r.Path, StringComparer.Ordinal);
    }
}
