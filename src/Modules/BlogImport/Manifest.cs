using Cms.Modules;

[assembly: Module("BlogImport", "Blog import",
    Description = "Imports a Blogger (Atom backup or Takeout feed.atom) or WordPress (WXR) export: posts as News Commentary items when they have its shape, else plain blog posts; labels as tags; comment threads; old addresses as redirects.",
    Category = "Content",
    // Only what its code uses: the recipe an import makes enables Markdown, NewsCommentary and Comments itself, so
    // those stay free to be turned off while no import runs. Its page demands Recipes' Import permission (Administrators hold it).
    Dependencies = ["Contents"])]
