using Cms.Modules;

namespace Cms.Recipes.Steps;

/// <summary>
/// Orchard Core feature ids that this site provides under its own ids, so an Orchard recipe's
/// feature and themes steps apply unchanged. Each module's manifest declares the Orchard ids it
/// stands for (<see cref="ModuleAttribute.OrchardAliases"/>); Orchard splits into several features
/// what one module does here (TitlePart and AutoroutePart are both in Contents), so several ids map to one.
/// </summary>
public static class OrchardFeatureAliases
{
    /// <summary>The feature by this site's id, or by the Orchard id it stands for; null when neither exists here.</summary>
    public static FeatureDescriptor? Resolve(ModuleCatalog catalog, string id)
        => catalog.Find(id) ?? catalog.FindByOrchardAlias(id);

    /// <summary>The error for an id that resolves to nothing, saying so plainly for Orchard's own ids.</summary>
    public static string Unknown(string id)
        => id.StartsWith("OrchardCore.", StringComparison.OrdinalIgnoreCase) || id.StartsWith("The", StringComparison.Ordinal) && id.EndsWith("Theme", StringComparison.Ordinal)
            ? $"'{id}' is an Orchard Core feature that this site does not have."
            : $"There is no feature '{id}'.";
}
