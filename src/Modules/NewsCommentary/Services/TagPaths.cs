namespace Modules.NewsCommentary.Services;

/// <summary>The addresses of tag pages, in one place for links, feeds and the sitemap.</summary>
public static class TagPaths
{
    public const string Index = "/tags";

    public static string Page(string slug) => $"{Index}/{slug}";

    public static string Rss(string slug) => $"{Index}/{slug}/rss.xml";

    public static string Atom(string slug) => $"{Index}/{slug}/atom.xml";
}
