using Cms.Modules;

[assembly: Module("Cms", "Cms",
    Description = "The framework: modules and features, content, recipes, security, display.",
    Category = "Core",
    AlwaysEnabled = true)]
