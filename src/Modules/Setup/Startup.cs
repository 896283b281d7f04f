using Cms.Modules;
using Cms.Setup;
using Microsoft.Extensions.DependencyInjection;
using Modules.Setup.Services;

namespace Modules.Setup;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddSingleton<SetupLock>();
        services.AddScoped<ISetupService, SetupService>();
        services.AddScoped<SetupWelcome>();
        services.AddHostedService<UnattendedSetup>();
    }
}
