using Cms.Modules;

[assembly: Module("Contents", "Contents",
    Description = "TitlePart, AutoroutePart, content permissions and the public display of items by path.",
    Category = "Content",
    OrchardAliases = ["OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.Title", "OrchardCore.Autoroute"])]
