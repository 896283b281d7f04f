using Cms.Modules;

[assembly: Module("Backups", "Backups",
    Description = "The admin's Backups page: the last backups (when, size, where) and a button to back the site up now.",
    Category = "Admin",
    Dependencies = ["Admin"],
    AlwaysEnabled = true)]
