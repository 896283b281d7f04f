using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.ContentApi.Services;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// Quote drift in the content API (issue 16, point 6): one query on <see cref="SourceLinkCheck"/> per page of items.
/// Only a published version that has a quote and a source carries it, since the record judges the published quote.
/// What the source now says around a missing sentence stays on the editors' report: readers are not shown it either.
/// </summary>
public sealed class QuoteDriftApiSection(CmsDbContext db) : IContentApiSection
{
    public string Name => "QuoteDrift";

    public string Description => "Whether the source still carries the quoted passage: the last reading's state, the sentences missing now, "
        + "when the change was first noticed, whether an editor acknowledged it, and the archived copy.";

    public string PartName => nameof(SourceLinkPart);

    public Type Shape => typeof(QuoteDriftSection);

    public async Task<IReadOnlyDictionary<string, object>> ReadAsync(IReadOnlyList<ContentItem> items)
    {
        var judged = items.Where(i => i.Published && !string.IsNullOrWhiteSpace(i.As<QuotePart>()?.Text)
            && !string.IsNullOrEmpty(i.As<SourceLinkPart>()?.Url)).ToList();
        if (judged.Count == 0)
        {
            return new Dictionary<string, object>();
        }

        var ids = judged.Select(i => i.ContentItemId).Distinct().ToList();
        var rows = await db.Set<SourceLinkCheck>().AsNoTracking()
            .Where(c => c.Published && ids.Contains(c.ContentItemId))
            .Select(c => new { c.ContentItemId, c.Url, c.QuoteState, c.MissingJson, c.DriftSinceUtc, c.DriftAcknowledgedUtc })
            .ToDictionaryAsync(c => c.ContentItemId, StringComparer.Ordinal);
        var sections = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var item in judged)
        {
            var source = item.As<SourceLinkPart>()!;

            // A row about another URL is one the handler has not caught up with yet: nothing known of this link.
            var row = rows.GetValueOrDefault(item.ContentItemId) is { } r && r.Url == source.Url ? r : null;
            sections[item.ContentItemVersionId] = new QuoteDriftSection
            {
                State = row?.QuoteState switch
                {
                    QuoteState.AllFound => QuoteCheckState.AllFound,
                    QuoteState.SomeMissing => QuoteCheckState.SomeMissing,
                    QuoteState.NoneFound => QuoteCheckState.NoneFound,
                    QuoteState.Unreadable => QuoteCheckState.Unreadable,
                    _ => QuoteCheckState.Unchecked,
                },
                MissingSentences = QuoteDriftRecord.Missing(row?.MissingJson).Select(m => new QuoteDriftSentence(m.Index, m.Sentence, m.FirstMissingUtc)).ToList(),
                FirstNoticedUtc = row?.DriftSinceUtc,
                Acknowledged = row?.DriftAcknowledgedUtc is not null,
                AcknowledgedUtc = row?.DriftAcknowledgedUtc,
                ArchiveUrl = SafeUrl.IsHttp(source.ArchiveUrl) ? source.ArchiveUrl : null,
            };
        }

        return sections;
    }
}
