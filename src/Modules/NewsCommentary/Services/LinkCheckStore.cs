using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The checker's reads and writes of <see cref="SourceLinkCheck"/>. Claims and results are single
/// conditional UPDATEs, so two nodes sharing the database never check the same link twice, and a
/// result for a URL the editor has since changed is dropped.
/// </summary>
public sealed class LinkCheckStore(LazyDbContext lazyDb, IContentManager contentManager, IContentDefinitionManager definitions)
{
    private const int SyncBatch = 500;

    private CmsDbContext Db => lazyDb.Context;

    private DbSet<SourceLinkCheck> Checks => Db.Set<SourceLinkCheck>();

    /// <summary>Adds rows for published posts that have none (posts made before this feature, or by a node without it).</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var types = (await definitions.ListTypesAsync())
            .Where(t => t.ContentTypePartDefinitionRecords.Any(p => p.PartName == nameof(SourceLinkPart)))
            .Select(t => t.Name)
            .ToList();
        var missing = await contentManager.ListAsync(contentManager.Query()
            .Where(r => r.Published && types.Contains(r.ContentType) && !Checks.Any(c => c.ContentItemId == r.ContentItemId))
            .OrderBy(r => r.Id)
            .Take(SyncBatch));
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var item in missing)
        {
            var url = item.As<SourceLinkPart>()?.Url ?? "";
            var row = new SourceLinkCheck { ContentItemId = item.ContentItemId };
            row.StartOver(url);
            row.Published = url.Length > 0;
            Checks.Add(row);
        }

        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node added the same rows first; theirs serve as well.
            Db.ChangeTracker.Clear();
        }
    }

    public Task<List<SourceLinkCheck>> DueAsync(DateTime nowUtc, TimeSpan recheckAfter, int max, CancellationToken cancellationToken)
    {
        var checkedBefore = nowUtc - recheckAfter;
        return Checks.AsNoTracking()
            .Where(c => c.Published && c.Url != "" && (c.LastCheckedUtc == null || c.LastCheckedUtc <= checkedBefore))
            .OrderBy(c => c.LastCheckedUtc).ThenBy(c => c.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public Task<SourceLinkCheck?> FindPublishedAsync(string contentItemId, CancellationToken cancellationToken)
        => Checks.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published, cancellationToken);

    /// <summary>
    /// Marks the row as being checked now, but only if nobody did since <paramref name="seen"/> was read
    /// (or at once when <paramref name="force"/>d by an editor). True when this caller owns the check.
    /// </summary>
    public async Task<bool> ClaimAsync(SourceLinkCheck seen, DateTime nowUtc, bool force, CancellationToken cancellationToken)
    {
        var query = Checks.Where(c => c.Id == seen.Id && c.Url == seen.Url && c.Published);
        if (!force)
        {
            query = query.Where(c => c.LastCheckedUtc == seen.LastCheckedUtc);
        }

        return await query.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastCheckedUtc, nowUtc), cancellationToken) == 1;
    }

    /// <summary>Stores what the check found; null when the URL changed meanwhile (the result is about an old link).</summary>
    public async Task<SourceLinkCheck?> RecordAsync(
        SourceLinkCheck before, ProbeResult result, QuoteReading? reading, DateTime nowUtc, TimeSpan goneAfter, CancellationToken cancellationToken)
    {
        var failed = LinkHealthRules.IsBroken(result.Outcome);
        var after = new SourceLinkCheck
        {
            Id = before.Id,
            ContentItemId = before.ContentItemId,
            Url = before.Url,
            Published = true,
            LastCheckedUtc = nowUtc,
            StatusCode = result.StatusCode,
            Outcome = result.Outcome,
            FinalUrl = Truncate(result.FinalUrl, SourceLinkPart.MaxUrl),
            Message = Truncate(result.Message, SourceLinkCheck.MaxMessage),
            ConsecutiveFailures = failed ? before.ConsecutiveFailures + 1 : 0,
            FailingSinceUtc = failed ? before.FailingSinceUtc ?? nowUtc : null,
        };
        after.Gone = LinkHealthRules.IsGone(after.Outcome, after.FailingSinceUtc, nowUtc, goneAfter);
        var updated = await Checks
            .Where(c => c.Id == before.Id && c.Url == before.Url)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.StatusCode, after.StatusCode)
                .SetProperty(c => c.Outcome, after.Outcome)
                .SetProperty(c => c.FinalUrl, after.FinalUrl)
                .SetProperty(c => c.Message, after.Message)
                .SetProperty(c => c.ConsecutiveFailures, after.ConsecutiveFailures)
                .SetProperty(c => c.FailingSinceUtc, after.FailingSinceUtc)
                .SetProperty(c => c.Gone, after.Gone), cancellationToken);
        if (updated != 1)
        {
            return null;
        }

        CopyQuote(before, after);
        if (reading is not null)
        {
            QuoteDriftRecord.Apply(before, reading, nowUtc, after);

            // Only over the record this reading was folded into: an editor's acknowledgement or a new quote meanwhile wins.
            await Checks
                .Where(c => c.Id == before.Id && c.Url == before.Url && c.QuoteFingerprint == before.QuoteFingerprint
                    && c.DriftAcknowledgedUtc == before.DriftAcknowledgedUtc)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.QuoteFingerprint, after.QuoteFingerprint)
                    .SetProperty(c => c.QuoteState, after.QuoteState)
                    .SetProperty(c => c.QuoteCheckedUtc, after.QuoteCheckedUtc)
                    .SetProperty(c => c.QuoteMessage, Truncate(after.QuoteMessage, SourceLinkCheck.MaxMessage))
                    .SetProperty(c => c.MissingJson, after.MissingJson)
                    .SetProperty(c => c.DriftSinceUtc, after.DriftSinceUtc)
                    .SetProperty(c => c.DriftAcknowledgedUtc, after.DriftAcknowledgedUtc), cancellationToken);
        }

        return after;
    }

    private static void CopyQuote(SourceLinkCheck from, SourceLinkCheck to)
    {
        to.QuoteFingerprint = from.QuoteFingerprint;
        to.QuoteState = from.QuoteState;
        to.QuoteCheckedUtc = from.QuoteCheckedUtc;
        to.QuoteMessage = from.QuoteMessage;
        to.MissingJson = from.MissingJson;
        to.DriftSinceUtc = from.DriftSinceUtc;
        to.DriftAcknowledgedUtc = from.DriftAcknowledgedUtc;
    }

    /// <summary>The published quote's Markdown, read in this store's scope for the checker; null when the post has none.</summary>
    public async Task<string?> PublishedQuoteAsync(string contentItemId)
        => (await contentManager.GetAsync(contentItemId, VersionOptions.Published))?.As<QuotePart>()?.Text;

    /// <summary>Published posts whose quote has sentences missing from the source: what readers are told (see <see cref="QuoteDriftDocument"/>).</summary>
    public async Task<Dictionary<string, DriftNotice>> DriftedAsync(CancellationToken cancellationToken)
    {
        var rows = await Checks.AsNoTracking()
            .Where(c => c.Published && c.DriftSinceUtc != null && c.QuoteFingerprint != null)
            .Select(c => new { c.ContentItemId, c.QuoteFingerprint, c.DriftSinceUtc, c.MissingJson })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.ContentItemId,
            r => new DriftNotice(r.QuoteFingerprint!, r.DriftSinceUtc!.Value, QuoteDriftRecord.Missing(r.MissingJson).Select(m => m.Index).ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>The editor has seen the drift and keeps the quote; false when there is no unacknowledged drift on the post.</summary>
    public async Task<bool> AcknowledgeAsync(string contentItemId, DateTime nowUtc)
        => await Checks
            .Where(c => c.ContentItemId == contentItemId && c.Published && c.DriftSinceUtc != null && c.DriftAcknowledgedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DriftAcknowledgedUtc, nowUtc)) == 1;

    /// <summary>The published posts now shown as gone, with the URL found gone.</summary>
    public Task<Dictionary<string, string>> GoneAsync(CancellationToken cancellationToken)
        => Checks.AsNoTracking().Where(c => c.Published && c.Gone)
            .ToDictionaryAsync(c => c.ContentItemId, c => c.Url, StringComparer.Ordinal, cancellationToken);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
