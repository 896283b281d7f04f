using Cms.Content;
using Cms.Data;
using Cms.Modules;
using Cms.Search;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Models;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>Turns published items into index entries through the modules' <see cref="ISearchContentProvider"/>s.</summary>
public sealed class SearchIndexer(
    CmsDbContext db,
    ISearchStore store,
    IDocumentStore documents,
    IEnumerable<ISearchContentProvider> providers)
{
    public const string FeatureId = "Search";
    private const int BatchSize = 100;

    /// <summary>
    /// True once the feature's migration has made the index. From then on the index is kept current even
    /// while the feature is disabled, so enabling it again never shows what was unpublished meanwhile.
    /// </summary>
    public async Task<bool> ExistsAsync()
    {
        var state = await documents.GetAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId);
        return state.MigrationVersions.GetValueOrDefault(FeatureId) > 0;
    }

    /// <summary>Makes the index say what the item's Published version says, or drops the item when none is left.</summary>
    public async Task IndexAsync(string contentItemId)
    {
        var row = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Published);
        await store.RemoveAsync(contentItemId);
        if (row is not null && EntryFor(row) is { } entry)
        {
            await store.AddAsync(entry);
        }
    }

    /// <summary>Indexes every published item again, a batch of rows at a time.</summary>
    public async Task RebuildAsync()
    {
        await store.RemoveAllAsync();
        var after = 0L;
        while (true)
        {
            var rows = await db.ContentItems.AsNoTracking()
                .Where(r => r.Published && r.Id > after)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync();
            foreach (var row in rows)
            {
                if (EntryFor(row) is { } entry)
                {
                    await store.AddAsync(entry);
                }
            }

            if (rows.Count < BatchSize)
            {
                return;
            }

            after = rows[^1].Id;
        }
    }

    /// <summary>Null for an item no provider knows, or one without an address to send a reader to.</summary>
    private SearchEntry? EntryFor(ContentItemRecord row)
    {
        var item = ContentManager.ToItem(row);
        var document = new SearchDocument();
        foreach (var provider in providers)
        {
            provider.Contribute(item, document);
        }

        var path = item.As<AutoroutePart>()?.Path;
        if (document.IsEmpty || string.IsNullOrEmpty(path))
        {
            return null;
        }

        var published = item.PublishedUtc ?? row.PublishedUtc ?? row.CreatedUtc ?? DateTime.UnixEpoch;
        return new SearchEntry(
            item.ContentItemId,
            "/" + path,
            new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc)).ToUnixTimeSeconds(),
            Sentinels.Remove(string.IsNullOrWhiteSpace(document.Title) ? item.DisplayText ?? "" : document.Title),
            Join(document, SearchWeight.High),
            Join(document, SearchWeight.Normal));
    }

    private static string Join(SearchDocument document, SearchWeight weight)
        => Sentinels.Remove(string.Join("\n\n", document.Fields.Where(f => f.Weight == weight).Select(f => f.Text)));
}
