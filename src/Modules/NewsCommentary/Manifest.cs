using Cms.Modules;

[assembly: Module("NewsCommentary", "News Commentary",
    Description = "The News Commentary type (quote, analysis, source link), the home page, archives and the RSS feed.",
    Category = "Content",
    Dependencies = ["Contents", "Markdown"])]
