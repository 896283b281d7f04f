using Cms.Data.Transfer;

namespace Modules.Search.Services;

/// <summary>
/// The search index after a move or a restore into another database: its tables are the provider's
/// own (FTS5 or tsvector), so they are made again there and filled from the copied posts, as the
/// feature's migration does on a new site. A site whose Search feature never ran has none to make.
/// </summary>
public sealed class SearchIndexData(ISearchStore store, SearchIndexer indexer) : IDerivedData
{
    public async Task RebuildAsync()
    {
        if (!await indexer.ExistsAsync())
        {
            return;
        }

        await store.CreateAsync();
        await indexer.RebuildAsync();
    }
}
