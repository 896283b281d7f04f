using System.Globalization;
using System.Text;
using System.Xml;

namespace Cms.Content;

/// <summary>
/// Text that XML 1.0 cannot carry: control characters other than tab, line feed and carriage return,
/// lone surrogates, U+FFFE and U+FFFF. Feeds and the sitemap are XML, so such text is refused where it
/// is typed (editor, recipe, comment form, settings) and left out of XML that is written anyway.
/// </summary>
public static class XmlChars
{
    /// <summary>The position of the first character XML cannot carry, or -1.</summary>
    public static int FirstInvalid(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>A message naming the field and the character, or null when the text is fine.</summary>
    public static string? Problem(string? text, string field)
    {
        var at = FirstInvalid(text);
        if (at < 0)
        {
            return null;
        }

        var code = string.Create(CultureInfo.InvariantCulture, $"U+{(int)text![at]:X4}");
        var kind = char.IsControl(text[at]) ? "a control character" : char.IsSurrogate(text[at]) ? "half of a character pair" : "a non-character";
        return $"{field} contains {code} ({kind}) at position {at + 1}, which web feeds cannot carry: remove it.";
    }

    /// <summary>The text without the characters XML cannot carry.</summary>
    public static string Clean(string text)
    {
        var at = FirstInvalid(text);
        if (at < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, at);
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                kept.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return kept.ToString();
    }
}
