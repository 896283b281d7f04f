using System.Globalization;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Modules.Markdown.Services;

/// <summary>
/// What Markdig's generic attributes (<c>![alt](url){width=800 height=450}</c>) may set: an image's width
/// and height, as whole pixels, so the page reserves its space before it loads. Every other attribute an
/// author writes in braces (id, class, style, on*, ...) is dropped here, before the sanitiser sees it.
/// </summary>
public static class ImageSizeAttributes
{
    private const int MaxPixels = 10_000;

    private static readonly string[] s_allowed = ["width", "height"];

    public static void Restrict(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            if (node.TryGetAttributes() is not { } attributes)
            {
                continue;
            }

            var sizes = node is LinkInline { IsImage: true }
                ? attributes.Properties?.Where(IsPixelSize).ToList()
                : null;
            attributes.Id = null;
            attributes.Classes = null;
            attributes.Properties = sizes is { Count: > 0 } ? sizes : null;
        }
    }

    private static bool IsPixelSize(KeyValuePair<string, string?> property)
        => s_allowed.Contains(property.Key, StringComparer.OrdinalIgnoreCase)
           && property.Value is { Length: > 0 and <= 5 } value
           && value.All(char.IsAsciiDigit)
           && int.Parse(value, CultureInfo.InvariantCulture) is > 0 and <= MaxPixels;
}
