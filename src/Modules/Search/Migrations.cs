using Cms.Modules;
using Modules.Search.Services;

namespace Modules.Search;

/// <summary>Creates the search index for the site's database; <see cref="Handlers.SearchFeatureEvents"/> fills it.</summary>
public sealed class Migrations(ISearchStore store) : IDataMigration
{
    public async Task<int> CreateAsync()
    {
        await store.CreateAsync();
        return 1;
    }
}
