using Cms.Modules;

namespace Modules.Admin;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
    }
}
