using Cms.Modules;
using Modules.Search.Services;

namespace Modules.Search;

/// <summary>Creates the search index for the site's database and fills it from every published item.</summary>
public sealed class Migrations(ISearchStore store, SearchIndexer indexer) : IDataMigration
{
    public async Task<int> CreateAsync()
    {
        await store.CreateAsync();

        // A site that already has posts (or a recipe that imported them first) is searchable at once.
        await indexer.RebuildAsync();
        return 1;
    }
}
