using Cms.Modules;

[assembly: Module("PublishLater", "Publish Later",
    Description = "Schedules a draft to be published at a date and time in the site's time zone; a background task publishes it on one node.",
    Category = "Content",
    Dependencies = ["Contents"],
    OrchardAliases = ["OrchardCore.PublishLater"])]
