using Cms.Modules;

[assembly: Module("Markdown", "Markdown",
    Description = "Renders Markdown with Markdig and sanitises the HTML with HtmlSanitizer.",
    Category = "Content",
    OrchardAliases = ["OrchardCore.Markdown"])]
