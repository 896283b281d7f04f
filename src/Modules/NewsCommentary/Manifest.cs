using Cms.Modules;

[assembly: Module("NewsCommentary", "News Commentary",
    Description = "The News Commentary type (quote, analysis, source link, tags), the home page, archives, tag pages and the RSS and Atom feeds.",
    Category = "Content",
    Dependencies = ["Contents", "Markdown"])]
