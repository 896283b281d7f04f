using Cms.Modules;

[assembly: Module("Admin", "Admin",
    Description = "The admin area: its layout, the menu built from the modules' navigation providers, and the dashboard.",
    Category = "Admin",
    Dependencies = ["Contents"],
    // TheAdmin is Orchard's admin theme; here this module's own layout plays its part.
    OrchardAliases = ["OrchardCore.Admin", "OrchardCore.AdminDashboard", "TheAdmin"])]
