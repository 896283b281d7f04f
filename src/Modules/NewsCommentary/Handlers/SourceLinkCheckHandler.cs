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
        // Drafts do not change what readers see, so they do not change what is checked.
        if (!change.PublicChanged)
        {
            return;
        }

        var url = change.Published?.As<SourceLinkPart>()?.Url;
        var row = await db.Set<SourceLinkCheck>().FirstOrDefaultAsync(c => c.ContentItemId == change.ContentItemId);
        if (string.IsNullOrEmpty(url))
        {
            if (row is { Published: true })
            {
                row.Published = false;
                await db.SaveChangesAsync();
            }

            return;
        }

        if (row is null)
        {
            row = new SourceLinkCheck { ContentItemId = change.ContentItemId };
            row.StartOver(url);
            db.Add(row);
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
        await db.SaveChangesAsync();
    }
}
