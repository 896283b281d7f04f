using Cms.Modules;
using Cms.Settings;

namespace Cms.Recipes.Steps;

/// <summary>"themes": { "site": id, "admin": id }; "" means none. The chosen themes are enabled.</summary>
public sealed class ThemesStep(ModuleCatalog catalog, IFeatureManager features, ISiteService site) : IRecipeStepHandler
{
    public string Name => "themes";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        foreach (var key in new[] { "site", "admin" })
        {
            var id = StepJson.String(step.Data, key, "", context);
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            var feature = catalog.Find(id);
            if (feature is null || !feature.IsTheme)
            {
                context.Error(key, $"There is no theme '{id}'.");
                continue;
            }

            context.EnabledFeatures.UnionWith(catalog.WithDependencies(feature).Select(f => f.Id));
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var siteTheme = StepJsonReader.String(step.Data, "site");
        var adminTheme = StepJsonReader.String(step.Data, "admin");
        var themes = new[] { siteTheme, adminTheme }.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        var enabled = await features.EnableAsync(themes);
        if (!enabled.Succeeded)
        {
            throw new RecipeApplyException(enabled.Error!);
        }

        await site.UpdateAsync(s =>
        {
            if (siteTheme is not null)
            {
                s.SiteTheme = catalog.Find(siteTheme)?.Id ?? "";
            }

            if (adminTheme is not null)
            {
                s.AdminTheme = catalog.Find(adminTheme)?.Id ?? "";
            }
        });
        context.Changes.Add($"themes: site '{siteTheme}', admin '{adminTheme}'");
    }
}
