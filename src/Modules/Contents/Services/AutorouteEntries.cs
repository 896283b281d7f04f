using Cms.Content;
using Cms.Data;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;
using Modules.Contents.Models;

namespace Modules.Contents.Services;

/// <summary>
/// Reads and keeps AutoroutePartIndex, the path of each item's Published and Latest versions. Lookups
/// go through the index columns, never through the items' JSON.
/// </summary>
public sealed class AutorouteEntries(CmsDbContext db, IContentManager contentManager, IPublicUrls urls) : IAutorouteEntries
{
    private IQueryable<AutoroutePartIndex> Index => db.Set<AutoroutePartIndex>().AsNoTracking();

    public async Task<ContentItem?> FindPublishedAsync(string path)
    {
        var rows = from index in Index
                   join version in contentManager.Query() on index.ContentItemVersionId equals version.ContentItemVersionId
                   where index.Path == path && index.Published && version.Published
                   select version;
        var found = await contentManager.ListAsync(rows.Take(1));
        return found.Count > 0 ? found[0] : null;
    }

    public async Task<IReadOnlyDictionary<string, string>> PathsOfAsync(IReadOnlyCollection<string> contentItemIds)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await Index
            .Where(i => contentItemIds.Contains(i.ContentItemId) && i.Published)
            .Select(i => new { i.ContentItemId, i.Path })
            .ToListAsync();
        return rows.DistinctBy(r => r.ContentItemId).ToDictionary(r => r.ContentItemId, r => SitePath(r.Path), StringComparer.Ordinal);
    }

    public string? PathOf(ContentItem item)
        => item.As<AutoroutePart>()?.Path is { Length: > 0 } path ? SitePath(path) : null;

    public async Task<string?> UrlOfAsync(ContentItem item)
        => PathOf(item) is { } path ? await urls.AbsoluteAsync(path) : null;

    public async Task<IReadOnlyList<AutorouteEntry>> ListPublishedAsync(int limit)
    {
        var rows = await (from index in Index
                          join item in contentManager.Query() on index.ContentItemVersionId equals item.ContentItemVersionId
                          where index.Published
                          orderby item.PublishedUtc descending
                          select new { index.ContentItemId, index.Path, item.ModifiedUtc }).Take(limit).ToListAsync();
        return rows.Select(r => new AutorouteEntry(r.ContentItemId, SitePath(r.Path), r.ModifiedUtc)).ToList();
    }

    public Task<bool> IsTakenAsync(string path, string contentItemId)
        => Index.AnyAsync(i => i.Path == path && i.ContentItemId != contentItemId);

    /// <summary>Makes the index say what the item's live versions say; runs in the content operation's transaction.</summary>
    public async Task UpdateIndexAsync(ContentChange change)
    {
        var set = db.Set<AutoroutePartIndex>();
        set.RemoveRange(await set.Where(i => i.ContentItemId == change.ContentItemId).ToListAsync());
        foreach (var version in new[] { change.Published, change.Latest }.OfType<ContentItem>().DistinctBy(v => v.ContentItemVersionId))
        {
            if (version.As<AutoroutePart>()?.Path is { Length: > 0 } path)
            {
                set.Add(new AutoroutePartIndex
                {
                    ContentItemId = version.ContentItemId,
                    ContentItemVersionId = version.ContentItemVersionId,
                    Path = path,
                    Published = version.Published,
                    Latest = version.Latest,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private static string SitePath(string path) => "/" + path;
}
