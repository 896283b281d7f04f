using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Steps;

namespace Cms;

/// <summary>The framework's own feature: the core recipe steps.</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddRecipeStep<FeatureStep>();
        services.AddRecipeStep<ThemesStep>();
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<ContentDefinitionStep>();
        services.AddRecipeStep<ContentStep>();
        services.AddRecipeStep<RolesStep>();
    }
}
