using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.Handlers;

/// <summary>
/// Keeps each post's <see cref="SourceLinkCheck"/> row in step with its published version: which URL
/// to check and whether to check it at all. Runs inside the content operation's transaction, so the
/// row never says a post is published when the publish rolled back.
/// </summary>
public sealed class SourceLinkCheckHandler(CmsDbContext db, IMarkdownRenderer markdown) : IContentHandler
{
    public async Task ChangedAsync(ContentChange change)
    {
        await KeepAsync([change]);
        await db.SaveChangesAsync();
    }

    /// <summary>An imported batch: one read for the batch, no save (the importer saves the batch).</summary>
    public Task ImportedAsync(IReadOnlyList<ContentChange> changes) => KeepAsync(changes);

    private async Task KeepAsync(IReadOnlyList<ContentChange> changes)
    {
        // Drafts do not change what readers see, so they do not change what is checked.
        var seen = changes.Where(c => c.PublicChanged).ToList();
        var stored = new Dictionary<string, SourceLinkCheck>(StringComparer.Ordinal);
        foreach (var chunk in seen.Select(c => c.ContentItemId).Chunk(1000))
        {
            foreach (var found in await db.Set<SourceLinkCheck>().Where(c => chunk.Contains(c.ContentItemId)).ToListAsync())
            {
                stored[found.ContentItemId] = found;
            }
        }

        foreach (var change in seen)
        {
            Keep(change, stored.GetValueOrDefault(change.ContentItemId));
        }
    }

    private void Keep(ContentChange change, SourceLinkCheck? row)
    {
        var url = change.Published?.As<SourceLinkPart>()?.Url;
        if (string.IsNullOrEmpty(url))
        {
            if (row is { Published: true })
            {
                row.Published = false;
            }

            return;
        }

        if (row is null)
        {
            row = new SourceLinkCheck { ContentItemId = change.ContentItemId };
            row.StartOver(url);
            db.AddRows([row]);
        }
        else if (row.Url != url)
        {
            row.StartOver(url);
        }

        // A reworded quote is judged afresh, and soon: its record starts over and the link is due at once.
        var sentences = QuoteText.Sentences(markdown.ToPlainText(change.Published!.As<QuotePart>()?.Text));
        var fingerprint = sentences.Count == 0 ? null : QuoteText.Fingerprint(sentences);
        if (row.QuoteFingerprint != fingerprint && (row.QuoteFingerprint is not null || row.QuoteState is not null))
        {
            row.StartQuoteOver(fingerprint);
            row.LastCheckedUtc = null;
        }

        row.Published = true;
    }
}
