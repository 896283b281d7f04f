using Cms.Modules;
using Cms.Settings;

namespace Cms.Recipes.Steps;

/// <summary>
/// "themes": { "site": id, "admin": id }; "" means none. The chosen themes are enabled. Orchard's
/// admin theme, TheAdmin, stands for the Admin module's own layout: that module is enabled and no
/// admin theme is set.
/// </summary>
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

            if (Resolve(key, id) is not { } feature)
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
        var siteFeature = Resolve("site", siteTheme);
        var adminFeature = Resolve("admin", adminTheme);
        var enabled = await features.EnableAsync(new[] { siteFeature, adminFeature }.OfType<FeatureDescriptor>().Select(f => f.Id));
        if (!enabled.Succeeded)
        {
            throw new RecipeApplyException(enabled.Error!);
        }

        context.Changes.AddRange(enabled.Changed.Select(f => $"feature enabled: {f}"));
        var before = await site.GetAsync();
        var newSite = siteTheme is null ? before.SiteTheme : siteFeature?.Id ?? "";
        var newAdmin = adminTheme is null ? before.AdminTheme : adminFeature is { IsTheme: true } ? adminFeature.Id : "";
        if (newSite != before.SiteTheme || newAdmin != before.AdminTheme)
        {
            await site.UpdateAsync(s =>
            {
                s.SiteTheme = newSite;
                s.AdminTheme = newAdmin;
            });
        }

        if (newSite != before.SiteTheme)
        {
            context.Changes.Add($"site theme: '{newSite}'");
        }

        if (newAdmin != before.AdminTheme)
        {
            context.Changes.Add($"admin theme: '{newAdmin}'");
        }
    }

    /// <summary>A theme by id; for the admin, also a module standing for an Orchard admin theme.</summary>
    private FeatureDescriptor? Resolve(string key, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var feature = catalog.Find(id);
        if (feature is { IsTheme: true })
        {
            return feature;
        }

        return key == "admin" && feature is null && OrchardFeatureAliases.Resolve(catalog, id) is { } alias ? alias : null;
    }
}
