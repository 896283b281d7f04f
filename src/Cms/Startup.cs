using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Steps;

namespace Cms;

/// <summary>The framework's own feature: the core recipe steps.</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddFeatureBound<IRecipeStepHandler, FeatureStep>();
        services.AddFeatureBound<IRecipeStepHandler, ThemesStep>();
        services.AddFeatureBound<IRecipeStepHandler, SettingsStep>();
        services.AddFeatureBound<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddFeatureBound<IRecipeStepHandler, ContentStep>();
        services.AddFeatureBound<IRecipeStepHandler, RolesStep>();
    }
}
