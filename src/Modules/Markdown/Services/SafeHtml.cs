using Ganss.Xss;

namespace Modules.Markdown.Services;

/// <summary>The allow-list of what user HTML may contain: text structure, links and images over http(s), nothing that runs.</summary>
public static class SafeHtml
{
    private static readonly string[] s_tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "s",
        "sup", "sub", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "abbr", "cite", "q",
    ];

    private static readonly string[] s_attributes = ["href", "title", "src", "alt", "width", "height", "id", "start", "align", "colspan", "rowspan", "loading", "decoding"];

    public static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(s_tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(s_attributes);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image)
            {
                // Off-screen images wait until the reader scrolls near them, and decoding never holds up the text.
                image.SetAttribute("loading", "lazy");
                image.SetAttribute("decoding", "async");

                // The media library serves resized copies of its own files: the browser picks the width it needs.
                if (Modules.Media.Services.MediaUrls.IsMedia(image.GetAttribute("src")))
                {
                    image.SetAttribute("srcset", Modules.Media.Services.MediaUrls.SrcSet(image.GetAttribute("src")!));
                    image.SetAttribute("sizes", Modules.Media.Services.MediaUrls.Sizes);
                }
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// The same allow-list for what readers write, less images (no tracking pixels or hot-linking in
    /// comments); each link gets rel="nofollow ugc" so search engines give it no weight from this site.
    /// </summary>
    public static HtmlSanitizer CreateUserContentSanitizer()
    {
        var sanitizer = CreateSanitizer();
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow ugc");
            }
        };
        return sanitizer;
    }
}
