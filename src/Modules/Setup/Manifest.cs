using Cms.Modules;

[assembly: Module("Setup", "Setup",
    Description = "The first-run setup screen and unattended setup from configuration.",
    Category = "Core",
    AlwaysEnabled = true)]
