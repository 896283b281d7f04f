using Cms.Modules;

[assembly: Module("BlogImport", "Blog import",
    Description = "Imports a Blogger (Atom backup or Takeout feed.atom) or WordPress (WXR) export: posts as News Commentary items when they have its shape, else plain blog posts; labels as tags; comment threads; old addresses as redirects.",
    Category = "Content",
    Dependencies = ["Contents", "Markdown", "NewsCommentary", "Comments", "Recipes"])]
