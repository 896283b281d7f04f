using Cms.Modules;

namespace Modules.Users;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
    }
}
