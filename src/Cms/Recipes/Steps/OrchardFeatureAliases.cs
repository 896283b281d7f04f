using Cms.Modules;

namespace Cms.Recipes.Steps;

/// <summary>
/// Orchard Core feature ids that this site provides under its own ids, so an Orchard recipe's
/// feature and themes steps apply unchanged. Orchard splits into several features what one module
/// does here (TitlePart and AutoroutePart are both in Contents), so several ids map to one.
/// </summary>
public static class OrchardFeatureAliases
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OrchardCore.Contents"] = "Contents",
        ["OrchardCore.ContentTypes"] = "Contents",
        ["OrchardCore.Title"] = "Contents",
        ["OrchardCore.Autoroute"] = "Contents",
        ["OrchardCore.Markdown"] = "Markdown",
        ["OrchardCore.Admin"] = "Admin",
        ["OrchardCore.AdminDashboard"] = "Admin",

        // Orchard's admin theme; here the Admin module's own layout plays its part.
        ["TheAdmin"] = "Admin",
        ["OrchardCore.Users"] = "Users",
        ["OrchardCore.Roles"] = "Users",
        ["OrchardCore.Recipes"] = "Recipes",
        ["OrchardCore.Deployment"] = "Recipes",
        ["OrchardCore.Email"] = "Email",
        ["OrchardCore.Email.Smtp"] = "Email",

        // Settings, feature state and themes are the framework's own here, always on.
        ["OrchardCore.Settings"] = "Cms",
        ["OrchardCore.Features"] = "Cms",
        ["OrchardCore.Themes"] = "Cms",
    };

    public static IReadOnlyDictionary<string, string> All => s_aliases;

    /// <summary>The feature by this site's id, or by the Orchard id it stands for; null when neither exists here.</summary>
    public static FeatureDescriptor? Resolve(ModuleCatalog catalog, string id)
        => catalog.Find(id) ?? (s_aliases.TryGetValue(id, out var own) ? catalog.Find(own) : null);

    /// <summary>The error for an id that resolves to nothing, saying so plainly for Orchard's own ids.</summary>
    public static string Unknown(string id)
        => id.StartsWith("OrchardCore.", StringComparison.OrdinalIgnoreCase) || id.StartsWith("The", StringComparison.Ordinal) && id.EndsWith("Theme", StringComparison.Ordinal)
            ? $"'{id}' is an Orchard Core feature that this site does not have."
            : $"There is no feature '{id}'.";
}
