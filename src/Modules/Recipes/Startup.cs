using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.Recipes.Services;

namespace Modules.Recipes;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<RecipeRunner>();
    }
}
