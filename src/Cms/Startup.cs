using Cms.Content;
using Cms.Display;
using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Recipes.Import;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Cms;

/// <summary>The framework's own feature: the core recipe steps, the exporter that writes them back out, and evicting public pages on change.</summary>
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
        services.AddScoped<IRecipeExporter, RecipeExporter>();
        services.AddScoped<ImportRunner>();
        services.AddContentHandler<PublicCacheContentHandler>();
    }
}
