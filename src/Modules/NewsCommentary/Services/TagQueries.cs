using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>A tag in use: its name as shown, its slug, how many published posts carry it and when the newest was published.</summary>
public sealed record TagCount(string Name, string Slug, int Count, DateTime? NewestUtc);

/// <summary>Tag pages and the tag list, each one query through TagsPartIndex.</summary>
public sealed class TagQueries(LazyDbContext lazyDb, IContentManager contentManager)
{
    private CmsDbContext Db => lazyDb.Context;

    /// <summary>
    /// One page of the published posts with the tag, newest first. Ordered by the tag row's own copy of
    /// the date, so the query walks the index (slug, type, date, id) and reads one page of rows, not
    /// every post with the tag.
    /// </summary>
    public async Task<(IReadOnlyList<ContentItem> Items, bool HasNext)> PageAsync(string slug, int page, int pageSize)
    {
        var rows = (from tag in Db.Set<TagsPartIndex>().AsNoTracking()
                    join item in contentManager.Query() on tag.ContentItemVersionId equals item.ContentItemVersionId
                    where tag.Slug == slug && tag.ContentType == Migrations.ContentType && item.Published
                    orderby tag.PublishedUtc descending, tag.Id descending
                    select item)
            .Skip((page - 1) * pageSize)
            .Take(pageSize + 1);
        var items = await contentManager.ListAsync(rows);
        return (items.Take(pageSize).ToList(), items.Count > pageSize);
    }

    /// <summary>Every tag on a published post, by name; a slug written several ways shows it as its newest post does.</summary>
    public async Task<IReadOnlyList<TagCount>> AllAsync()
    {
        var spellings = await Db.Set<TagsPartIndex>().AsNoTracking()
            .Where(t => t.ContentType == Migrations.ContentType)
            .GroupBy(t => new { t.Slug, t.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Count = g.Count(), Newest = g.Max(t => t.PublishedUtc) })
            .ToListAsync();
        return spellings
            .GroupBy(s => s.Slug)
            .Select(g => new TagCount(g.OrderByDescending(s => s.Newest).ThenBy(s => s.Name, StringComparer.Ordinal).First().Name, g.Key, g.Sum(s => s.Count), g.Max(s => s.Newest)))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The name a tag page shows: as the newest post on it spells the tag.</summary>
    public static string NameIn(IEnumerable<ContentItem> items, string slug)
        => items.SelectMany(i => i.As<TagsPart>()?.Entries() ?? []).FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;
}
