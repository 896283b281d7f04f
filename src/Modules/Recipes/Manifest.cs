using Cms.Modules;

[assembly: Module("Recipes", "Recipes",
    Description = "The admin Recipes page (apply a recipe after a dry run), JSON import and export of the site as a recipe.",
    Category = "Configuration",
    Dependencies = ["Admin"],
    OrchardAliases = ["OrchardCore.Recipes", "OrchardCore.Deployment"])]
