using Cms.Modules;

[assembly: Module("Cms", "Cms",
    Description = "The framework: modules and features, content, recipes, security, display.",
    Category = "Core",
    AlwaysEnabled = true,
    // Settings, feature state and themes are the framework's own here, always on.
    OrchardAliases = ["OrchardCore.Settings", "OrchardCore.Features", "OrchardCore.Themes"])]
