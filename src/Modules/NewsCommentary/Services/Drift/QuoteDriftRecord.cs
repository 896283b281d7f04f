using System.Text.Json;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>What one reading of the page did to the record: the checker's findings for the quote it compared.</summary>
public sealed record QuoteReading(string Fingerprint, QuoteComparison? Comparison, string? Failure);

/// <summary>
/// Folds a reading into a post's drift record. A sentence keeps the day it first went missing for as
/// long as it stays missing; a page that could not be read changes nothing but the state and message; an
/// acknowledged drift stays acknowledged until another sentence goes missing.
/// </summary>
public static class QuoteDriftRecord
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<MissingSentence> Missing(string? json)
        => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<MissingSentence>>(json, s_json) ?? [];

    /// <summary>Writes the quote columns of <paramref name="after"/> from <paramref name="before"/> and the reading.</summary>
    public static void Apply(SourceLinkCheck before, QuoteReading reading, DateTime nowUtc, SourceLinkCheck after)
    {
        // Whole microseconds, as PostgreSQL keeps them: the dates in the JSON and in the columns must compare equal.
        nowUtc = new DateTime(nowUtc.Ticks - nowUtc.Ticks % 10, DateTimeKind.Utc);
        var sameQuote = before.QuoteFingerprint == reading.Fingerprint;
        var known = sameQuote ? Missing(before.MissingJson) : [];
        after.QuoteFingerprint = reading.Fingerprint;
        after.QuoteCheckedUtc = nowUtc;
        if (reading.Comparison is not { } comparison)
        {
            after.QuoteState = QuoteState.Unreadable;
            after.QuoteMessage = reading.Failure;
            after.MissingJson = sameQuote ? before.MissingJson : null;
            after.DriftSinceUtc = sameQuote ? before.DriftSinceUtc : null;
            after.DriftAcknowledgedUtc = sameQuote ? before.DriftAcknowledgedUtc : null;
            return;
        }

        var missing = comparison.Missing.Select(m => new MissingSentence(
            m.Index,
            m.Sentence,
            known.FirstOrDefault(k => k.Index == m.Index && k.Sentence == m.Sentence)?.FirstMissingUtc ?? nowUtc,
            m.PageNowSays)).ToList();
        var newlyMissing = missing.Any(m => m.FirstMissingUtc == nowUtc);
        after.QuoteState = comparison.State;
        after.QuoteMessage = null;
        after.MissingJson = missing.Count == 0 ? null : JsonSerializer.Serialize(missing, s_json);
        after.DriftSinceUtc = missing.Count == 0 ? null : sameQuote && before.DriftSinceUtc is { } since ? since : missing.Min(m => m.FirstMissingUtc);
        after.DriftAcknowledgedUtc = missing.Count == 0 || newlyMissing || !sameQuote ? null : before.DriftAcknowledgedUtc;
    }
}
