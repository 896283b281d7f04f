using Cms.Content;
using Cms.Display;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Drivers;
using Modules.Forecasts.Handlers;
using Modules.Forecasts.Models;
using Modules.Forecasts.Services;

namespace Modules.Forecasts;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<ForecastPart>().UseDriver<ForecastPartDriver>();
        services.AddModelContributor<ForecastModel>();
        services.AddModelContributor<ForecastTagModel>();
        services.AddContentHandler<ForecastIndexHandler>();
        services.AddDataMigration<Migrations>();
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<ForecastQueries>();
        services.AddSingleton<ForecastRecordCache>();
        services.AddContentMetadataProvider<ForecastMetadataProvider>();
        services.AddPublicCacheQueryKey("outcome");
        services.AddPublicCacheQueryKey("tag");
    }
}
