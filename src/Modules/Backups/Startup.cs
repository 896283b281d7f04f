using Cms.Modules;

namespace Modules.Backups;

/// <summary>The page and its permission; backing up itself is the framework's (Cms.Data.Backup), shared with the command line.</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
    }
}
