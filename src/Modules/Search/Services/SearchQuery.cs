using System.Globalization;
using System.Text;

namespace Modules.Search.Services;

/// <summary>
/// What a reader typed, reduced to a few plain words. Nothing of the query's own syntax reaches the
/// database: each term becomes a quoted FTS5 phrase on SQLite and plain text for plainto_tsquery on
/// PostgreSQL, so quotes, stars, NEAR(, AND/OR/NOT and SQL all search as ordinary words.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 8;

    private SearchQuery(string text, IReadOnlyList<string> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The query as the page shows it back: cut to <see cref="MaxLength"/>, without control characters.</summary>
    public string Text { get; }

    /// <summary>The words searched for, all of which a result contains; empty when nothing searchable was typed.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool HasTerms => Terms.Count > 0;

    public static SearchQuery Parse(string? query)
    {
        var text = Clean(query ?? "");
        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(term => term.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();
        return new SearchQuery(text, terms);
    }

    /// <summary>The FTS5 MATCH expression: every term a quoted phrase (quotes doubled), all required.</summary>
    public string ToFts5() => string.Join(' ', Terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Plain words for PostgreSQL's plainto_tsquery, which ignores punctuation and never fails.</summary>
    public string ToPlainText() => string.Join(' ', Terms);

    /// <summary>Cuts the query short and replaces controls, private-use, format and lone surrogate characters by spaces.</summary>
    private static string Clean(string query)
    {
        var length = Math.Min(query.Length, MaxLength);
        if (length < query.Length && char.IsHighSurrogate(query[length - 1]))
        {
            length--;
        }

        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = query[i];
            if (char.IsSurrogatePair(query, i))
            {
                text.Append(c).Append(query[++i]);
                continue;
            }

            text.Append(CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Format or UnicodeCategory.Surrogate => ' ',
                _ => c,
            });
        }

        return text.ToString().Trim();
    }
}
