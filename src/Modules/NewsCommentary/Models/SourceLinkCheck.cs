namespace Modules.NewsCommentary.Models;

/// <summary>
/// The health of one post's source link: one row per post, kept by <c>SourceLinkCheckHandler</c>
/// (which URL, whether the post is published) and by the link checker (what the source answered).
/// </summary>
public sealed class SourceLinkCheck
{
    public const int MaxMessage = 500;

    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";

    /// <summary>The published version's source URL: the one checked, or to be checked next.</summary>
    public string Url { get; set; } = "";

    public bool Published { get; set; }

    /// <summary>When a check last began; a node claims a row by setting it, so two nodes never fetch the same link.</summary>
    public DateTime? LastCheckedUtc { get; set; }

    public int? StatusCode { get; set; }
    public LinkOutcome Outcome { get; set; }

    /// <summary>Where the redirects ended, when there were any.</summary>
    public string? FinalUrl { get; set; }

    public string? Message { get; set; }
    public int ConsecutiveFailures { get; set; }

    /// <summary>The first failed check of the current run of failures; cleared by a healthy answer.</summary>
    public DateTime? FailingSinceUtc { get; set; }

    /// <summary>Readers are told the source is gone (see <c>LinkHealthRules.IsGone</c>); copied into <see cref="GoneSourcesDocument"/> for the post page.</summary>
    public bool Gone { get; set; }

    /// <summary>The published quote these quote columns judge (<c>QuoteText.Fingerprint</c>); another quote starts them over.</summary>
    public string? QuoteFingerprint { get; set; }

    /// <summary>What the last reading of the page found of the quote; null until the page was read.</summary>
    public QuoteState? QuoteState { get; set; }

    /// <summary>When the page was last read for the quote (a check whose page could not be read counts too).</summary>
    public DateTime? QuoteCheckedUtc { get; set; }

    /// <summary>Why the last reading found nothing to compare (not HTML, too large, no answer); null when it did.</summary>
    public string? QuoteMessage { get; set; }

    /// <summary>The sentences missing now, each with the day it first went missing (JSON of <see cref="MissingSentence"/>).</summary>
    public string? MissingJson { get; set; }

    /// <summary>When the current drift was first noticed: kept while any sentence stays missing.</summary>
    public DateTime? DriftSinceUtc { get; set; }

    /// <summary>An editor has seen the drift and kept the quote: the report clears, readers keep the notice.</summary>
    public DateTime? DriftAcknowledgedUtc { get; set; }

    /// <summary>A new URL has no history: it is checked afresh on the next pass.</summary>
    public void StartOver(string url)
    {
        Url = url;
        LastCheckedUtc = null;
        StatusCode = null;
        Outcome = LinkOutcome.Unchecked;
        FinalUrl = null;
        Message = null;
        ConsecutiveFailures = 0;
        FailingSinceUtc = null;
        Gone = false;
        StartQuoteOver(QuoteFingerprint);
    }

    /// <summary>A new quote (or a new URL) has no drift: the next check reads the page afresh.</summary>
    public void StartQuoteOver(string? fingerprint)
    {
        QuoteFingerprint = fingerprint;
        QuoteState = null;
        QuoteCheckedUtc = null;
        QuoteMessage = null;
        MissingJson = null;
        DriftSinceUtc = null;
        DriftAcknowledgedUtc = null;
    }
}

/// <summary>What a check found. Stored by name.</summary>
public enum LinkOutcome
{
    Unchecked,
    Ok,

    /// <summary>Redirects that end in a page that answers.</summary>
    Redirected,
    NotFound,
    Gone,

    /// <summary>Another 4xx (401, 403, 429...): the server would not let the checker in; the page may well be there.</summary>
    Refused,
    ServerError,
    RedirectLoop,
    TooManyRedirects,
    Timeout,

    /// <summary>No answer at all: the name does not resolve, the connection fails, or the address is not allowed.</summary>
    Unreachable,
}
