using System.Linq.Expressions;
using System.Text.Json;
using Cms.Content;
using Cms.Data;
using Cms.Display;
using Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;
using Modules.Contents.Models;

namespace Modules.Contents.Services;

/// <summary>
/// Reads and keeps AutoroutePartIndex, the path of each item's Published and Latest versions. Lookups
/// go through the index columns, never through the items' JSON.
/// </summary>
public sealed class AutorouteEntries(
    LazyDbContext lazyDb,
    IContentManager contentManager,
    IPublicUrls urls,
    PublicContentVersion version,
    PublicContentCache<JsonElement> kept) : IAutorouteEntries
{
    private const string PublishedKeyPrefix = "published-item/";

    private CmsDbContext Db => lazyDb.Context;

    private IQueryable<AutoroutePartIndex> Index => Db.Set<AutoroutePartIndex>().AsNoTracking();

    /// <summary>
    /// The item published at the path. What was found is kept (as JSON, parsed once) under the public-pages signal's version, which
    /// every publication, unpublication, deletion and import moves; each caller gets an item of its own, so no request
    /// shares another's object. A path that leads nowhere is not kept (a crawler's guesses would fill the store).
    /// </summary>
    public async Task<ContentItem?> FindPublishedAsync(string path)
    {
        var current = await version.GetAsync();
        if (kept.TryGet(current, PublishedKeyPrefix + path, out var element))
        {
            return ContentItem.FromJson(element);
        }

        var rows = from index in Index
                   join row in contentManager.Query() on index.ContentItemVersionId equals row.ContentItemVersionId
                   where index.Path == path && index.Published && row.Published
                   select row;
        var found = await contentManager.ListAsync(rows.OrderBy(r => r.ContentItemVersionId).Take(1));
        if (found.Count == 0)
        {
            return null;
        }

        kept.Keep(current, PublishedKeyPrefix + path, found[0].ToJsonElement());
        return found[0];
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

    /// <summary>The items that hold any of the paths; one query per thousand paths.</summary>
    public async Task<ILookup<string, string>> HoldersAsync(IReadOnlyCollection<string> paths)
    {
        var found = new List<(string Path, string ContentItemId)>();
        foreach (var chunk in paths.Chunk(LookupChunk))
        {
            var rows = await Index.Where(i => chunk.Contains(i.Path)).Select(i => new { i.Path, i.ContentItemId }).ToListAsync();
            found.AddRange(rows.Select(r => (r.Path, r.ContentItemId)));
        }

        return found.ToLookup(r => r.Path, r => r.ContentItemId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The items that hold a path "base-N" for any of the bases; one query per <see cref="PrefixChunk"/> bases
    /// (a recipe of new posts seldom has a taken base at all).
    /// </summary>
    public async Task<ILookup<string, string>> SuffixedHoldersAsync(IReadOnlyCollection<string> bases)
    {
        var found = new List<(string Path, string ContentItemId)>();
        var row = Expression.Parameter(typeof(AutoroutePartIndex), "i");
        var path = Expression.Property(row, nameof(AutoroutePartIndex.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var chunk in bases.Chunk(PrefixChunk))
        {
            var any = chunk.Select(b => (Expression)Expression.Call(path, startsWith, Expression.Constant(b + "-"))).Aggregate(Expression.OrElse);
            var rows = await Index.Where(Expression.Lambda<Func<AutoroutePartIndex, bool>>(any, row))
                .Select(i => new { i.Path, i.ContentItemId }).ToListAsync();
            found.AddRange(rows.Select(r => (r.Path, r.ContentItemId)));
        }

        return found.ToLookup(r => r.Path, r => r.ContentItemId, StringComparer.Ordinal);
    }

    private const int PrefixChunk = 50;

    /// <summary>Makes the index say what the item's live versions say; runs in the content operation's transaction.</summary>
    public async Task UpdateIndexAsync(ContentChange change)
    {
        var set = Db.Set<AutoroutePartIndex>();
        set.RemoveRange(await set.Where(i => i.ContentItemId == change.ContentItemId).ToListAsync());
        set.AddRange(RowsOf(change));
        await Db.SaveChangesAsync();
    }

    /// <summary>Makes the index say what each item's live versions say, for a batch of imported items: one read, no save (the importer saves the batch).</summary>
    public async Task UpdateIndexAsync(IReadOnlyList<ContentChange> changes)
    {
        var set = Db.Set<AutoroutePartIndex>();
        foreach (var chunk in changes.Select(c => c.ContentItemId).Chunk(LookupChunk))
        {
            set.RemoveRange(await set.Where(i => chunk.Contains(i.ContentItemId)).ToListAsync());
        }

        Db.AddRows(changes.SelectMany(RowsOf));
    }

    private static IEnumerable<AutoroutePartIndex> RowsOf(ContentChange change)
        => from version in new[] { change.Published, change.Latest }.OfType<ContentItem>().DistinctBy(v => v.ContentItemVersionId)
           let path = version.As<AutoroutePart>()?.Path
           where !string.IsNullOrEmpty(path)
           select new AutoroutePartIndex
           {
               ContentItemId = version.ContentItemId,
               ContentItemVersionId = version.ContentItemVersionId,
               Path = path,
               Published = version.Published,
               Latest = version.Latest,
           };

    /// <summary>Ids a lookup takes at a time, well under each database's limit on parameters.</summary>
    private const int LookupChunk = 1000;

    private static string SitePath(string path) => "/" + path;
}
