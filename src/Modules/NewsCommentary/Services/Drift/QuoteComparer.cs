using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>A missing sentence as one reading found it: its index, words, and what the page says in its place.</summary>
public sealed record MissingNow(int Index, string Sentence, string? PageNowSays);

/// <summary>What one reading found: the state and the sentences missing (in quote order).</summary>
public sealed record QuoteComparison(QuoteState State, IReadOnlyList<MissingNow> Missing);

/// <summary>
/// Looks for each sentence of the quote in the page's text (both normalised, case ignored). For a missing
/// sentence it finds what the page now says in its place: the text between the found sentences before and
/// after it, or else the page's sentence sharing most of its words.
/// </summary>
public static class QuoteComparer
{
    /// <summary>Longest text shown as "the page now says".</summary>
    public const int MaxContext = 600;

    public static QuoteComparison Compare(IReadOnlyList<string> sentences, string pageText)
    {
        // Where each found sentence starts and ends on the page; null for a missing one.
        var spans = sentences.Select(s => Find(s, pageText)).ToList();
        var missing = new List<MissingNow>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (spans[i] is null)
            {
                missing.Add(new(i, sentences[i], InPlaceOf(i, sentences[i], spans, pageText)));
            }
        }

        var state = missing.Count == 0 ? QuoteState.AllFound : missing.Count == sentences.Count ? QuoteState.NoneFound : QuoteState.SomeMissing;
        return new(state, missing);
    }

    /// <summary>The span from the first piece to the end of the last, each piece found after the one before; null when one is not there.</summary>
    private static (int Start, int End)? Find(string sentence, string page)
    {
        int start = -1, at = 0;
        foreach (var piece in QuoteText.Pieces(sentence))
        {
            var found = page.IndexOf(piece, at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            start = start < 0 ? found : start;
            at = found + piece.Length;
        }

        return start < 0 ? null : (start, at);
    }

    private static string? InPlaceOf(int index, string sentence, List<(int Start, int End)?> spans, string page)
    {
        var before = spans.Take(index).LastOrDefault(s => s is not null);
        var after = spans.Skip(index + 1).FirstOrDefault(s => s is not null);
        if (before is { } b && after is { } a && a.Start >= b.End && a.Start - b.End <= MaxContext)
        {
            var between = page[b.End..a.Start].Trim();
            return between.Length > 0 ? between : null;
        }

        return MostAlike(sentence, page);
    }

    /// <summary>The page sentence sharing the most words with the quoted one, if it shares at least half of them.</summary>
    private static string? MostAlike(string sentence, string page)
    {
        var words = Words(sentence);
        if (words.Count == 0)
        {
            return null;
        }

        string? best = null;
        var bestShare = 0.49;
        foreach (var candidate in QuoteText.Sentences(page))
        {
            if (candidate.Length > MaxContext)
            {
                continue;
            }

            var share = (double)words.Count(Words(candidate).Contains) / words.Count;
            if (share > bestShare)
            {
                (best, bestShare) = (candidate, share);
            }
        }

        return best;
    }

    private static HashSet<string> Words(string text)
        => text.Split([' ', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
