using Cms.Content;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modules.Contents.Services;
using Modules.PublishLater.Drivers;
using Modules.PublishLater.Handlers;
using Modules.PublishLater.Models;
using Modules.PublishLater.Services;

namespace Modules.PublishLater;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<PublishLaterPart>().UseDriver<PublishLaterPartDriver>();
        services.AddContentHandler<PublishLaterPartHandler>();
        services.AddModelContributor<PublishLaterModel>();
        services.AddDataMigration<Migrations>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<ScheduledPublisher>();
        services.AddScoped<ScheduledQuery>();
        services.AddFeatureBound<IContentListStatus, ScheduledListStatus>();
        services.AddOptions<PublishLaterOptions>().BindConfiguration(PublishLaterWorker.Section);
        services.AddBackgroundTask<PublishLaterWorker>(sp => sp.GetRequiredService<IOptions<PublishLaterOptions>>().Value.Schedule());
    }
}
