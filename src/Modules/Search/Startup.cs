using Cms.Content;
using Cms.Data;
using Cms.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Search.Handlers;
using Modules.Search.Services;

namespace Modules.Search;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddDataMigration<Migrations>();
        services.AddContentHandler<SearchIndexHandler>();
        services.AddFeatureEventHandler<SearchFeatureEvents>();
        services.AddScoped<SqliteSearchStore>();
        services.AddScoped<PostgresSearchStore>();
        services.AddScoped<ISearchStore>(sp => sp.GetRequiredService<CmsDbContext>().Database.IsSqlite()
            ? sp.GetRequiredService<SqliteSearchStore>()
            : sp.GetRequiredService<PostgresSearchStore>());
        services.AddScoped<SearchIndexer>();
        services.AddScoped<SiteSearch>();
        services.AddFeatureBound<IContentSearch, ContentSearch>();

        // Not tied to the feature: an index made while it was on moves with the site even if it is off now.
        services.AddScoped<Cms.Data.Transfer.IDerivedData, SearchIndexData>();
    }
}
