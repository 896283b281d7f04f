using Cms.Data;
using Cms.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>What a pass did: links that were due, and those this node checked (another node may have claimed some).</summary>
public sealed record LinkPassResult(int Due, int Checked);

/// <summary>
/// Checks source links. <see cref="RunPassAsync"/> is one pass of the background job: every published
/// post whose link was not checked within <see cref="LinkCheckOptions.RecheckAfter"/> (a changed URL
/// counts as never checked), several hosts at once but one request at a time per host.
/// </summary>
public sealed class LinkChecker(
    LinkCheckStore store,
    LinkProbe probe,
    SourcePageReader pageReader,
    IMarkdownRenderer markdown,
    LinkCheckUserAgent userAgent,
    IServiceScopeFactory scopes,
    IPublicCache publicCache,
    TimeProvider clock,
    IOptions<LinkCheckOptions> options,
    ILogger<LinkChecker> logger)
{
    // Set when a check changed what the content API tells of a quote (its state, missing sentences, acknowledgement).
    private int _apiStateChanged;

    public async Task<LinkPassResult> RunPassAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await store.SyncAsync(cancellationToken);
        var due = await store.DueAsync(Now(), settings.EffectiveRecheckAfter, settings.EffectiveMaxChecksPerPass, cancellationToken);
        if (due.Count == 0)
        {
            await PublishNoticesAsync(cancellationToken);
            return new(0, 0);
        }

        var agent = await userAgent.GetAsync();
        var done = 0;
        var byHost = due.GroupBy(c => Uri.TryCreate(c.Url, UriKind.Absolute, out var uri) ? uri.Authority : c.Url, StringComparer.OrdinalIgnoreCase);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.EffectiveMaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byHost, parallel, async (host, token) =>
        {
            // A scope per host: a DbContext serves one task at a time.
            using var scope = scopes.CreateScope();
            var hostStore = scope.ServiceProvider.GetRequiredService<LinkCheckStore>();
            foreach (var row in host)
            {
                try
                {
                    if (await CheckAsync(hostStore, row, agent, force: false, token) is not null)
                    {
                        Interlocked.Increment(ref done);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // One link's trouble (a database hiccup while recording) must not end the pass for the others.
                    logger.LogWarning(ex, "Checking the source link of {ContentItemId} failed", row.ContentItemId);
                }
            }
        });
        logger.LogInformation("Source link pass: {Checked} of {Due} due links checked", done, due.Count);
        await PublishNoticesAsync(cancellationToken);
        return new(due.Count, done);
    }

    /// <summary>Checks one post's link at once, whenever it was last checked. Null when the post is not published or has no link.</summary>
    public async Task<SourceLinkCheck?> CheckNowAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await store.SyncAsync(cancellationToken);
        var row = await store.FindPublishedAsync(contentItemId, cancellationToken);
        if (row is null || row.Url.Length == 0)
        {
            return null;
        }

        var after = await CheckAsync(store, row, await userAgent.GetAsync(), force: true, cancellationToken);
        await PublishNoticesAsync(cancellationToken);
        return after;
    }

    private async Task<SourceLinkCheck?> CheckAsync(LinkCheckStore rows, SourceLinkCheck row, string agent, bool force, CancellationToken cancellationToken)
    {
        var now = Now();
        if (!await rows.ClaimAsync(row, now, force, cancellationToken))
        {
            return null;
        }

        var result = await probe.ProbeAsync(row.Url, agent, cancellationToken);
        QuoteReading? reading = null;
        if (LinkHealthRules.IsBroken(result.Outcome))
        {
            // A source that does not answer is news for the report, not a fault of the site: one line, no stack trace.
            logger.LogInformation("Source link of {ContentItemId} failed its check: {Url}: {Outcome} ({Reason})", row.ContentItemId, row.Url, result.Outcome, result.Message);
        }
        else if (options.Value.CheckQuotes)
        {
            reading = await ReadQuoteAsync(rows, row, result.FinalUrl ?? row.Url, agent, cancellationToken);
        }

        var after = await rows.RecordAsync(row, result, reading, now, options.Value.GoneAfter, cancellationToken);
        if (after is not null && QuoteStateChanged(row, after))
        {
            Interlocked.Exchange(ref _apiStateChanged, 1);
        }

        return after;
    }

    /// <summary>What the content API's QuoteDrift section shows changed (never the date of the reading alone, so a daily check evicts nothing).</summary>
    private static bool QuoteStateChanged(SourceLinkCheck before, SourceLinkCheck after)
        => before.QuoteState != after.QuoteState || before.MissingJson != after.MissingJson
            || before.DriftSinceUtc != after.DriftSinceUtc || before.DriftAcknowledgedUtc != after.DriftAcknowledgedUtc;

    /// <summary>Reads the page the check found and looks for the published quote's sentences; null for a post without a quote.</summary>
    private async Task<QuoteReading?> ReadQuoteAsync(LinkCheckStore rows, SourceLinkCheck row, string url, string agent, CancellationToken cancellationToken)
    {
        var sentences = QuoteText.Sentences(markdown.ToPlainText(await rows.PublishedQuoteAsync(row.ContentItemId)));
        if (sentences.Count == 0)
        {
            return null;
        }

        var page = await pageReader.ReadAsync(url, agent, cancellationToken);
        if (page.Text is null)
        {
            logger.LogInformation("Source page of {ContentItemId} was not read for its quote: {Url}: {Reason}", row.ContentItemId, url, page.Failure);
            return new(QuoteText.Fingerprint(sentences), null, page.Failure);
        }

        return new(QuoteText.Fingerprint(sentences), QuoteComparer.Compare(sentences, page.Text), null);
    }

    /// <summary>
    /// Rewrites the gone-sources and quote-drift documents from the table when they differ, and then evicts the public
    /// pages: readers see a notice come and go. Run after every pass, so a failed write mends itself. A change only the
    /// content API shows (a quote now all found, an unreadable page) evicts too: cached API answers carry the public tag.
    /// </summary>
    private async Task PublishNoticesAsync(CancellationToken cancellationToken)
    {
        var apiChanged = Interlocked.Exchange(ref _apiStateChanged, 0) == 1;
        for (var attempt = 1; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var documents = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
            var store = scope.ServiceProvider.GetRequiredService<LinkCheckStore>();
            var gone = await store.GoneAsync(cancellationToken);
            var drifted = await store.DriftedAsync(cancellationToken);
            var shown = (await documents.GetAsync<GoneSourcesDocument>(GoneSourcesDocument.DocumentId)).Items;
            var shownDrift = (await documents.GetAsync<QuoteDriftDocument>(QuoteDriftDocument.DocumentId)).Items;
            var goneSame = shown.Count == gone.Count && gone.All(g => shown.TryGetValue(g.Key, out var url) && url == g.Value);
            var driftSame = QuoteDriftDocument.Same(shownDrift, drifted);
            if (goneSame && driftSame)
            {
                if (apiChanged)
                {
                    await publicCache.EvictAllAsync();
                }

                return;
            }

            try
            {
                if (!goneSame)
                {
                    await documents.UpdateAsync<GoneSourcesDocument>(GoneSourcesDocument.DocumentId, d => d.Items = gone);
                }

                if (!driftSame)
                {
                    await documents.UpdateAsync<QuoteDriftDocument>(QuoteDriftDocument.DocumentId, d => d.Items = drifted);
                }

                await publicCache.EvictAllAsync();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another node wrote the document meanwhile: read both again.
            }
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
