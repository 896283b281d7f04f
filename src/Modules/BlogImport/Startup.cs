using Cms.Modules;
using Cms.Recipes.Import;
using Microsoft.Extensions.DependencyInjection;
using Modules.BlogImport.Services;

namespace Modules.BlogImport;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddScoped<ImportRecipeBuilder>();
        services.AddFeatureBound<IImportSource, BloggerImportSource>();
        services.AddFeatureBound<IImportSource, WordPressImportSource>();
        services.AddNavigationProvider<AdminMenu>();
    }
}
