using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Modules.BlogImport.Services;

/// <summary>
/// Inline HTML to Markdown: emphasis (<c>*…*</c>), strong (<c>**…**</c>), links to http, https and mailto
/// addresses (any other scheme, <c>javascript:</c> first, keeps only its text) and code; every other element
/// gives its text only, and text that Markdown would read as markup is escaped.
/// </summary>
public static partial class Markdown
{
    public static string Inline(IEnumerable<INode> nodes)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, builder);
        }

        return Regex.Replace(builder.ToString(), "[ \t]+", " ");
    }

    /// <summary>Text with runs of white space (new lines included) made one space, trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>True for the link schemes a post may keep: http, https and mailto.</summary>
    public static bool IsSafeLink(string? href)
        => Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static void Append(INode node, StringBuilder builder)
    {
        if (node is IText text)
        {
            builder.Append(Escape(Whitespace().Replace(text.Data, " ")));
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "script" or "style" or "iframe" or "object" or "embed" or "img" or "video" or "audio" or "svg" or "noscript" or "template" or "form":
                return;
            case "br":
                builder.Append(' ');
                return;
            case "em" or "i" or "cite":
                Wrap(element, builder, "*");
                return;
            case "strong" or "b":
                Wrap(element, builder, "**");
                return;
            case "code" or "tt":
                var code = Collapse(element.TextContent).Replace("`", "'", StringComparison.Ordinal);
                builder.Append(code.Length > 0 ? $"`{code}`" : "");
                return;
            case "a":
                var label = Inline(element.ChildNodes).Trim();
                var href = element.GetAttribute("href")?.Trim();
                builder.Append(IsSafeLink(href) && label.Length > 0
                    ? $"[{label}]({href!.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})"
                    : label);
                return;
            default:
                foreach (var child in element.ChildNodes)
                {
                    Append(child, builder);
                }

                return;
        }
    }

    /// <summary>Emphasis around the trimmed inside, the spaces kept outside (Markdown ignores "* word *").</summary>
    private static void Wrap(IElement element, StringBuilder builder, string mark)
    {
        var inner = Inline(element.ChildNodes);
        var trimmed = inner.Trim();
        if (trimmed.Length == 0)
        {
            builder.Append(inner);
            return;
        }

        builder.Append(inner.StartsWith(' ') ? " " : "").Append(mark).Append(trimmed).Append(mark).Append(inner.EndsWith(' ') ? " " : "");
    }

    /// <summary>Escapes what Markdown (and the HTML it may carry) would read as markup.</summary>
    public static string Escape(string text)
    {
        var escaped = MarkupCharacters().Replace(text, @"\$1");
        escaped = LineStartMarkup().Replace(escaped, @"$1\$2");
        return NumberedLineStart().Replace(escaped, @"$1\.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([\\`*_\[\]<>])")]
    private static partial Regex MarkupCharacters();

    /// <summary>"# ", "- ", "+ " at the start of the text would start a heading or a list.</summary>
    [GeneratedRegex(@"^(\s*)([#+\-])(?=\s)")]
    private static partial Regex LineStartMarkup();

    /// <summary>"1. " at the start of the text would start a numbered list.</summary>
    [GeneratedRegex(@"^(\s*\d+)\.(?=\s)")]
    private static partial Regex NumberedLineStart();
}
