using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>
/// Approved-comment counts for a list page, per request. Each post's summary asks for its count while
/// the page is built; the first count read loads every count asked for so far in one query.
/// </summary>
public sealed class CommentCounts(CmsDbContext db)
{
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _loaded = new(StringComparer.Ordinal);

    public void Want(string contentItemId) => _wanted.Add(contentItemId);

    public async Task<int> GetAsync(string contentItemId)
    {
        _wanted.Add(contentItemId);
        if (!_loaded.ContainsKey(contentItemId))
        {
            var ids = _wanted.Where(id => !_loaded.ContainsKey(id)).ToList();
            var counts = await db.Set<Comment>().AsNoTracking()
                .Where(c => ids.Contains(c.ContentItemId) && c.Status == CommentStatus.Approved)
                .GroupBy(c => c.ContentItemId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync();
            foreach (var id in ids)
            {
                _loaded[id] = counts.FirstOrDefault(c => c.Key == id)?.Count ?? 0;
            }
        }

        return _loaded[contentItemId];
    }
}
