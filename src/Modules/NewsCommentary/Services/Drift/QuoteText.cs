using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The quote and the page, made comparable: typographic quotes, dashes, ellipses and every kind of
/// space are folded to one form (case is left, and ignored when comparing, so what is shown keeps its
/// capitals); the quote is cut into sentences, each judged on its own.
/// </summary>
public static partial class QuoteText
{
    /// <summary>Folds the characters newsrooms vary between edits (and between CMS and wire copy) to one form.</summary>
    public static string Normalize(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            var mapped = c switch
            {
                '“' or '”' or '„' or '‟' or '″' or '«' or '»' => "\"",
                '‘' or '’' or '‚' or '‛' or '′' => "'",
                '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => "-",
                '…' => "...",
                '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => "",
                _ => null,
            };
            if (mapped is { Length: 0 })
            {
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            if (mapped is null)
            {
                folded.Append(c);
            }
            else
            {
                folded.Append(mapped);
            }
        }

        return folded.ToString();
    }

    /// <summary>The quote's sentences, normalised, in order (paragraph breaks end a sentence too).</summary>
    public static IReadOnlyList<string> Sentences(string plainText)
        => Originals(plainText).Select(Normalize).ToList();

    /// <summary>The same sentences as <see cref="Sentences"/>, index for index, in the quote's own characters (for text fragments).</summary>
    public static IReadOnlyList<string> Originals(string plainText)
        => plainText.Split('\n')
            .SelectMany(line => SentenceEnd().Split(Spaces().Replace(line, " ").Trim()))
            .Select(s => s.Trim())
            .Where(s => s.Any(char.IsLetterOrDigit))
            .ToList();

    /// <summary>
    /// The parts of a sentence that must be on the page: an editor's omission ("...", "[...]") splits it,
    /// and the quote marks around a sentence are the editor's, not the article's.
    /// </summary>
    public static IEnumerable<string> Pieces(string sentence)
        => Omission().Split(sentence)
            .Select(p => p.Trim().Trim('"', '\'', ' ', '(', ')').Trim())
            .Where(p => p.Any(char.IsLetterOrDigit));

    /// <summary>Identifies the quote a drift record judges: a new wording starts the record over.</summary>
    public static string Fingerprint(IReadOnlyList<string> sentences)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sentences))));

    // A sentence ends at . ! ? (with any closing quotes or brackets) followed by a space; "e.g. " splits too, which only makes a piece shorter.
    [GeneratedRegex("""(?<=[.!?…]["'”’»)\]]*) (?=["'“‘«(\[]?[\p{Lu}\p{N}])""")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\[?\.\.\.\]?")]
    private static partial Regex Omission();
}
