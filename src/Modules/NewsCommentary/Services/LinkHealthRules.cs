using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>Which outcomes are broken, and when a broken source counts as gone for readers.</summary>
public static class LinkHealthRules
{
    /// <summary>Everything but a page that answers (directly or after redirects) and a link not checked yet. <c>LinkHealthQuery</c> filters by the same set.</summary>
    public static bool IsBroken(LinkOutcome outcome) => outcome is not (LinkOutcome.Unchecked or LinkOutcome.Ok or LinkOutcome.Redirected);

    /// <summary>
    /// 404 and 410 say the page is gone at once. Failures that may pass (timeouts, 5xx, no connection,
    /// redirect loops) count only once they have lasted <paramref name="goneAfter"/>. A refusal
    /// (401, 403, 429) never does: the page is likely there, only not for a robot.
    /// </summary>
    public static bool IsGone(LinkOutcome outcome, DateTime? failingSinceUtc, DateTime nowUtc, TimeSpan goneAfter) => outcome switch
    {
        LinkOutcome.NotFound or LinkOutcome.Gone => true,
        LinkOutcome.Timeout or LinkOutcome.Unreachable or LinkOutcome.ServerError or LinkOutcome.RedirectLoop or LinkOutcome.TooManyRedirects
            => failingSinceUtc is { } since && nowUtc - since >= goneAfter,
        _ => false,
    };

    public static string Label(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Unchecked => "Not checked yet",
        LinkOutcome.Ok => "OK",
        LinkOutcome.Redirected => "OK after redirects",
        LinkOutcome.NotFound => "Not found",
        LinkOutcome.Gone => "Gone",
        LinkOutcome.Refused => "Refused",
        LinkOutcome.ServerError => "Server error",
        LinkOutcome.RedirectLoop => "Redirect loop",
        LinkOutcome.TooManyRedirects => "Too many redirects",
        LinkOutcome.Timeout => "Timed out",
        _ => "Unreachable",
    };
}
