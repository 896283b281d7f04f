namespace Modules.NewsCommentary.Services;

/// <summary>The source link checker's settings, from the <c>NewsCommentary:LinkCheck</c> configuration section.</summary>
public sealed class LinkCheckOptions
{
    public const string Section = "NewsCommentary:LinkCheck";

    /// <summary>Runs the background loop; a disabled loop leaves the admin's "Check now" working.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start the first pass runs, so start-up is not slowed.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the loop wakes up to run a pass; the pass itself checks only links that are due.</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A link is checked again this long after its last check: at most once a day by default.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Each request's limit (a HEAD, a GET, each redirect hop).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public int MaxRedirects { get; set; } = 10;

    /// <summary>Hosts checked at once; links on the same host are always checked one after another.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Links checked by one pass at most; the rest wait for the next wake-up.</summary>
    public int MaxChecksPerPass { get; set; } = 200;

    /// <summary>A source that times out, fails or cannot be reached for this long is shown to readers as gone (404 and 410 at once).</summary>
    public TimeSpan GoneAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Replaces the default User-Agent ("NewsCommentaryLinkChecker/1.0 (+{site URL})").</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Lets the checker connect to loopback, private and link-local addresses. Off by default, so an
    /// editor's source URL cannot make the server probe its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Quote drift: the most of a source page read to look for the quote; a larger page is recorded as unreadable.</summary>
    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Quote drift: read the page and look for the quoted sentences (after a check that finds the page).</summary>
    public bool CheckQuotes { get; set; } = true;

    // Nonsense values (0 s, negative counts) fall back to working ones rather than stopping the site.
    internal TimeSpan EffectiveTimeout => Timeout > TimeSpan.Zero ? Timeout : TimeSpan.FromSeconds(15);
    internal TimeSpan EffectiveWakeInterval => WakeInterval >= TimeSpan.FromMinutes(1) ? WakeInterval : TimeSpan.FromMinutes(1);
    internal TimeSpan EffectiveRecheckAfter => RecheckAfter > TimeSpan.Zero ? RecheckAfter : TimeSpan.FromHours(24);
    internal int EffectiveMaxRedirects => Math.Clamp(MaxRedirects, 0, 50);
    internal int EffectiveMaxConcurrency => Math.Clamp(MaxConcurrency, 1, 32);
    internal int EffectiveMaxPageBytes => MaxPageBytes > 0 ? MaxPageBytes : 2 * 1024 * 1024;
    internal int EffectiveMaxChecksPerPass => Math.Max(1, MaxChecksPerPass);
}
