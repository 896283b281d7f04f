using Cms.Content;
using Cms.Modules;
using Modules.Contents.Services;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>Turns published items into index entries through the modules' <see cref="ISearchContentProvider"/>s.</summary>
public sealed class SearchIndexer(
    IContentManager contentManager,
    IAutorouteEntries entries,
    ISearchStore store,
    IEnumerable<FeatureBound<ISearchContentProvider>> providers,
    IFeatureManager features)
{
    private const int BatchSize = 100;

    /// <summary>Makes the index say what the item's Published version says, or drops the item when it has none.</summary>
    public async Task IndexAsync(string contentItemId, ContentItem? published)
    {
        await store.RemoveAsync(contentItemId);
        if (published is not null && EntryFor(published, await ProvidersAsync()) is { } entry)
        {
            await store.AddAsync(entry);
        }
    }

    /// <summary>An imported batch: one delete and a few multi-row inserts for the whole batch.</summary>
    public async Task IndexAsync(IReadOnlyList<ContentChange> changes)
    {
        await store.RemoveAsync(changes.Select(c => c.ContentItemId).ToList());
        var active = await ProvidersAsync();
        await store.AddAsync(changes.Select(c => c.Published is { } published ? EntryFor(published, active) : null).OfType<SearchEntry>().ToList());
    }

    /// <summary>Indexes every published item again, a batch of rows at a time.</summary>
    public async Task RebuildAsync()
    {
        await store.RemoveAllAsync();
        var active = await ProvidersAsync();
        var after = "";
        while (true)
        {
            // Keyset paging on the unique version id: each batch is one query however many items there are.
            var items = await contentManager.ListAsync(contentManager.Query()
                .Where(r => r.Published && string.Compare(r.ContentItemVersionId, after) > 0)
                .OrderBy(r => r.ContentItemVersionId)
                .Take(BatchSize));
            // One insert for the batch: the store keeps its full-text index in few pieces after a batch.
            await store.AddAsync(items.Select(item => EntryFor(item, active)).OfType<SearchEntry>().ToList());

            if (items.Count < BatchSize)
            {
                return;
            }

            after = items[^1].ContentItemVersionId;
        }
    }

    /// <summary>Null for an item no provider knows, or one without an address to send a reader to.</summary>
    /// <summary>The providers of the features enabled now.</summary>
    private async Task<List<ISearchContentProvider>> ProvidersAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return providers.Where(p => enabled.Contains(p.FeatureId)).Select(p => p.Service).ToList();
    }

    private SearchEntry? EntryFor(ContentItem item, IReadOnlyList<ISearchContentProvider> active)
    {
        var document = new SearchDocument();
        foreach (var provider in active)
        {
            provider.Contribute(item, document);
        }

        var path = entries.PathOf(item);
        if (document.IsEmpty || path is null)
        {
            return null;
        }

        var published = item.PublishedUtc ?? item.CreatedUtc ?? DateTime.UnixEpoch;
        return new SearchEntry(
            item.ContentItemId,
            path,
            new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc)).ToUnixTimeSeconds(),
            Sentinels.Remove(string.IsNullOrWhiteSpace(document.Title) ? item.DisplayText ?? "" : document.Title),
            Join(document, SearchWeight.High),
            Join(document, SearchWeight.Normal));
    }

    private static string Join(SearchDocument document, SearchWeight weight)
        => Sentinels.Remove(string.Join("\n\n", document.Fields.Where(f => f.Weight == weight).Select(f => f.Text)));
}
