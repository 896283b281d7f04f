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
