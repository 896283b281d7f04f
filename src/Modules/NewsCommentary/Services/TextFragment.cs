using System.Text;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// A URL text fragment (#:~:text=start,end) that takes a reader following the source link to the
/// quoted words. Built from the first and last words of the passage; none for a passage too short to
/// be found unambiguously.
/// </summary>
public static class TextFragment
{
    /// <summary>Words taken from each end of the passage.</summary>
    public const int EdgeWords = 5;

    /// <summary>Below this many words a phrase may well occur elsewhere on the page: no fragment.</summary>
    public const int MinWords = 8;

    public static string? Directive(string plainText)
    {
        var words = plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '“', '”', '‘', '’', '\'', '(', ')', '[', ']'))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count < MinWords)
        {
            return null;
        }

        var start = string.Join(' ', words.Take(EdgeWords)).TrimEnd('.', ',', ';', ':', '!', '?');
        var end = string.Join(' ', words.TakeLast(EdgeWords)).TrimEnd('.', ',', ';', ':', '!', '?');
        return words.Count <= 2 * EdgeWords
            ? "text=" + Encode(string.Join(' ', words).TrimEnd('.', ',', ';', ':', '!', '?'))
            : $"text={Encode(start)},{Encode(end)}";
    }

    /// <summary>
    /// The directive for a quote the source has partly changed: built from the longest run of sentences still
    /// found (a fragment spanning a changed sentence would match nothing); none when no sentence is left.
    /// </summary>
    public static string? FromFoundSentences(string plainText, IReadOnlyCollection<int> missing)
    {
        var sentences = QuoteText.Originals(plainText);
        List<string> best = [], run = [];
        for (var i = 0; i <= sentences.Count; i++)
        {
            if (i < sentences.Count && !missing.Contains(i))
            {
                run.Add(sentences[i]);
                continue;
            }

            if (run.Sum(s => s.Length) > best.Sum(s => s.Length))
            {
                best = run;
            }

            run = [];
        }

        return best.Count == 0 ? null : Directive(string.Join(' ', best));
    }

    /// <summary>The URL with the directive added after any fragment it already has.</summary>
    public static string Append(string url, string? directive)
        => directive is null ? url : url.Contains('#', StringComparison.Ordinal) ? $"{url}:~:{directive}" : $"{url}#:~:{directive}";

    /// <summary>Percent-encodes a text directive term; '-', ',' and '&amp;' are syntax there and must be encoded too.</summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '!' or '*' or '\'' or '(' or ')'))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
