using System.Runtime.CompilerServices;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// What the post page and every list derive from a quote's plain text: its words, its sentences (for the drift
/// check) and its text-fragment directive. Worked out once per text and kept beside it: the plain text is the
/// Markdown renderer's kept string, the same instance on every request, so the facts live exactly as long as it
/// (a table keyed on the instance; an edited quote is a new text). They were a fifth of a post page's allocations.
/// </summary>
public sealed class QuoteFacts
{
    private static readonly ConditionalWeakTable<string, QuoteFacts> s_kept = new();

    private QuoteFacts(string plainText)
    {
        Words = plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Sentences = QuoteText.Sentences(plainText);
        Directive = TextFragment.Directive(plainText);
    }

    public int Words { get; }

    public IReadOnlyList<string> Sentences { get; }

    public string? Directive { get; }

    public static QuoteFacts Of(string plainText) => s_kept.GetValue(plainText, static text => new QuoteFacts(text));
}
