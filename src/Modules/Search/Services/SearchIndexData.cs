using Cms.Data;
using Cms.Data.Transfer;
using Cms.Modules;

namespace Modules.Search.Services;

/// <summary>
/// The search index after a move or a restore into another database: its tables are the provider's
/// own (FTS5 or tsvector), so they are made again there and filled from the copied posts, as the
/// feature's migration does on a new site. A site whose Search feature never ran has none to make.
/// </summary>
public sealed class SearchIndexData(ISearchStore store, SearchIndexer indexer, IDocumentStore documents) : IDerivedData
{
    private const string FeatureId = "Search";

    public async Task RebuildAsync()
    {
        // The feature's migration made the index once; from then on it is kept, enabled or not.
        var state = await documents.GetAsync<FeatureStateDocument>(FeatureStateDocument.DocumentId);
        if (state.MigrationVersions.GetValueOrDefault(FeatureId) <= 0)
        {
            return;
        }

        await store.CreateAsync();
        await indexer.RebuildAsync();
    }
}
