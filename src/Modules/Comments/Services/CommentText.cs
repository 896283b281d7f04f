using System.Globalization;
using System.Text.RegularExpressions;
using Cms.Content;
using Cms.Display;
using Modules.Comments.Settings;
using Modules.Markdown.Services;

namespace Modules.Comments.Services;

/// <summary>Checks a comment's text and counts its links, as the reader will see them rendered.</summary>
public sealed partial class CommentText(IMarkdownRenderer markdown)
{
    /// <summary>The problem with the text, or null when it may be posted.</summary>
    public static string? Problem(string text, CommentSettings settings)
    {
        if (text.Length == 0)
        {
            return "The comment is empty: write something before posting.";
        }

        return text.Length > settings.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"A comment has at most {settings.MaxLength:N0} characters; this one has {text.Length:N0}.")
            : XmlChars.Problem(text, "The comment");
    }

    /// <summary>Links in the rendered comment: Markdown links and bare addresses alike.</summary>
    public int CountLinks(string text)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        markdown.RenderUserContent(text).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return LinkPattern().Count(writer.ToString());
    }

    /// <summary>Trimmed, with Windows line ends made plain, so the length counted is the length kept.</summary>
    public static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex("<a\\s", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
