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

/// <summary>A post whose quote the source no longer carries whole, as the report's "changed" filter lists it.</summary>
public sealed record DriftEntry(
    string ContentItemId,
    string Title,
    string Url,
    QuoteState State,
    string? Message,
    DateTime DriftSinceUtc,
    DateTime? LastReadUtc,
    IReadOnlyList<MissingSentenceView> Missing,
    string QuoteMarkdown,
    string? ArchiveUrl);

public sealed record QuoteDriftReport(IReadOnlyList<DriftEntry> Entries, int Page, bool HasNext);

public sealed record QuoteDriftViewModel(QuoteDriftReport Report, int Count);

/// <summary>A missing sentence, the day it went missing, and the word diff against what the page says now (empty when that was not found).</summary>
public sealed record MissingSentenceView(string Sentence, DateTime FirstMissingUtc, string? PageNowSays, IReadOnlyList<DiffPiece> Diff);

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPiece(DiffKind Kind, string Text);
