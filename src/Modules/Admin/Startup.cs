using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.Admin.Services;

namespace Modules.Admin;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<DashboardQuery>();
    }
}
