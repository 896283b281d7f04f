using Cms.Modules;

[assembly: Module("Media", "Media",
    Description = "Image library: upload (JPEG, PNG, WebP, GIF) in the admin and from the Markdown editor, browse, rename, replace, delete; resized copies at fixed widths; the recipe media step.",
    Category = "Content",
    Dependencies = ["Contents"],
    OrchardAliases = ["OrchardCore.Media"])]
