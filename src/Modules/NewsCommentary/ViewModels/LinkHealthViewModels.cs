using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.ViewModels;

/// <summary>A post whose source link is broken, as the admin report lists it.</summary>
public sealed record BrokenLinkEntry(
    string ContentItemId,
    string Title,
    string Url,
    LinkOutcome Outcome,
    string OutcomeLabel,
    int? StatusCode,
    string? Message,
    string? FinalUrl,
    DateTime? FailingSinceUtc,
    DateTime? LastCheckedUtc,
    int ConsecutiveFailures,
    bool Gone,
    string? ArchiveUrl);

public sealed record LinkHealthReport(IReadOnlyList<BrokenLinkEntry> Entries, int Page, bool HasNext);

/// <summary>Published posts with a tracked link, those not checked yet, and those broken.</summary>
public sealed record LinkHealthCounts(int Tracked, int Unchecked, int Broken);

public sealed record LinkHealthViewModel(LinkHealthReport Report, LinkHealthCounts Counts);
