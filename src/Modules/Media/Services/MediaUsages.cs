using System.Text.RegularExpressions;
using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Media.Models;

namespace Modules.Media.Services;

/// <summary>Which published items refer to which media files (kept by <see cref="Handlers.MediaUsageHandler"/>).</summary>
public sealed partial class MediaUsages(LazyDbContext lazyDb, IContentManager contentManager)
{
    private CmsDbContext Db => lazyDb.Context;

    /// <summary>
    /// The media paths a version's text refers to ("/media/2026/11/a.jpg" anywhere in any part). Only the parts are written
    /// out to be searched: the whole item's JSON (<see cref="ContentItem.ToJsonString"/>) copies every part before writing
    /// it, for each of an import's items, and the item's other properties (ids, dates, owner) name no file.
    /// </summary>
    public static IReadOnlySet<string> PathsIn(ContentItem item)
        => Reference().Matches(item.Content.ToJsonString(ContentJson.Options)).Select(m => Uri.UnescapeDataString(m.Groups[1].Value).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public async Task SetAsync(string contentItemId, IReadOnlySet<string> paths)
    {
        await SetAsync([(contentItemId, paths)]);
        await Db.SaveChangesAsync();
    }

    /// <summary>Sets the usages of several items with one read per thousand items; the caller saves.</summary>
    public async Task SetAsync(IReadOnlyList<(string ContentItemId, IReadOnlySet<string> Paths)> items)
    {
        var rows = Db.Set<MediaUsage>();
        var existing = new List<MediaUsage>();
        foreach (var chunk in items.Select(i => i.ContentItemId).Chunk(1000))
        {
            existing.AddRange(await rows.Where(u => chunk.Contains(u.ContentItemId)).ToListAsync());
        }

        var byItem = existing.ToLookup(u => u.ContentItemId, StringComparer.Ordinal);
        foreach (var (contentItemId, paths) in items)
        {
            var stored = byItem[contentItemId].ToList();
            rows.RemoveRange(stored.Where(u => !paths.Contains(u.Path)));
            foreach (var path in paths.Where(p => p.Length <= MediaFile.MaxPath && stored.All(u => u.Path != p)))
            {
                Db.AddRows([new MediaUsage { ContentItemId = contentItemId, Path = path }]);
            }
        }
    }

    /// <summary>The titles of the published items that use the file, for the message that refuses to delete it.</summary>
    public async Task<IReadOnlyList<string>> PublishedUsersOfAsync(string path)
    {
        var ids = await Db.Set<MediaUsage>().Where(u => u.Path == path).Select(u => u.ContentItemId).ToListAsync();
        if (ids.Count == 0)
        {
            return [];
        }

        return await contentManager.Query().Where(r => r.Published && ids.Contains(r.ContentItemId))
            .OrderBy(r => r.DisplayText).Select(r => r.DisplayText).ToListAsync();
    }

    [GeneratedRegex(@"/media/([A-Za-z0-9_\-./%]+?\.(?:jpe?g|png|webp|gif))", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
