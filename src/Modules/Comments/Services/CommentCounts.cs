using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>
/// Approved-comment counts, per request. A list page loads the counts of all its posts in one query
/// before their summaries are built (<see cref="LoadAsync"/>); a count not loaded yet costs a query of its own.
/// Counts are kept per process until public content changes (an approved comment, its edit, deletion or
/// moderation moves the public-pages signal), so a list page usually needs no count query at all.
/// </summary>
public sealed class CommentCounts(LazyDbContext lazyDb, PublicContentVersion version, PublicContentCache<int> kept)
{
    private const string KeyPrefix = "approved-comments/";

    private readonly Dictionary<string, int> _loaded = new(StringComparer.Ordinal);

    private CmsDbContext Db => lazyDb.Context;

    public async Task LoadAsync(IReadOnlyCollection<string> contentItemIds)
    {
        var ids = contentItemIds.Where(id => !_loaded.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var current = await version.GetAsync();
        foreach (var id in ids)
        {
            if (kept.TryGet(current, KeyPrefix + id, out var count))
            {
                _loaded[id] = count;
            }
        }

        ids.RemoveAll(_loaded.ContainsKey);
        if (ids.Count == 0)
        {
            return;
        }

        var counts = await Db.Set<Comment>().AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && c.Status == CommentStatus.Approved)
            .GroupBy(c => c.ContentItemId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Key, c => c.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            _loaded[id] = counts.GetValueOrDefault(id);
            kept.Keep(current, KeyPrefix + id, _loaded[id]);
        }
    }

    public async Task<int> GetAsync(string contentItemId)
    {
        await LoadAsync([contentItemId]);
        return _loaded[contentItemId];
    }
}
