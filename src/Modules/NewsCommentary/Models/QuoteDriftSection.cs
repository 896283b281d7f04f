namespace Modules.NewsCommentary.Models;

/// <summary>
/// What the content API says of a published post's quote against its source (REST <c>Extras.QuoteDrift</c>, GraphQL
/// <c>quoteDrift</c>): the last reading's state, the sentences missing now with the day each went missing, when the
/// drift was first noticed, whether an editor acknowledged it, and the archived copy readers are sent to.
/// </summary>
public sealed class QuoteDriftSection
{
    public QuoteCheckState State { get; init; }

    public IReadOnlyList<QuoteDriftSentence> MissingSentences { get; init; } = [];

    /// <summary>When the current drift was first noticed (the date readers see); null while nothing is missing.</summary>
    public DateTime? FirstNoticedUtc { get; init; }

    /// <summary>An editor has seen the drift and kept the quote (readers are still told).</summary>
    public bool Acknowledged { get; init; }

    public DateTime? AcknowledgedUtc { get; init; }

    /// <summary>The archived copy of the source (http or https only), as the post page links it.</summary>
    public string? ArchiveUrl { get; init; }
}

/// <summary>A sentence of the quote the source no longer carries: its place in the quote (from 0), its words, the day it first went missing.</summary>
public sealed record QuoteDriftSentence(int Index, string Sentence, DateTime FirstMissingUtc);

/// <summary>The API's view of <see cref="QuoteState"/>, with the state before any reading.</summary>
public enum QuoteCheckState
{
    /// <summary>The page has not been read for this quote yet (or the site does not read pages for quotes).</summary>
    Unchecked,
    AllFound,
    SomeMissing,
    NoneFound,

    /// <summary>The last reading could not read the page (not HTML, too large, no answer): the missing sentences known before stand.</summary>
    Unreadable,
}
