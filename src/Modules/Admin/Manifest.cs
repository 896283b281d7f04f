using Cms.Modules;

[assembly: Module("Admin", "Admin",
    Description = "The admin area: its layout, the menu built from the modules' navigation providers, and the dashboard.",
    Category = "Admin",
    Dependencies = ["Contents"])]
