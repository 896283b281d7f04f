using Cms.Display;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class SourceLinkPartDriver(IMarkdownRenderer markdown, LinkHealthQuery health) : ContentPartDisplayDriver<SourceLinkPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override async Task<PartView?> DisplayAsync(SourceLinkPart part, PartDisplayContext context)
    {
        // A link that is not http(s) is never rendered, even if one slipped into the database.
        if (!SafeUrl.IsHttp(part.Url))
        {
            return null;
        }

        var archive = SafeUrl.IsHttp(part.ArchiveUrl) ? part.ArchiveUrl : null;
        var quote = markdown.ToPlainText(context.ContentItem.As<QuotePart>()?.Text);
        var facts = QuoteFacts.Of(quote);
        var drift = await health.DriftOfAsync(context.ContentItem.ContentItemId, facts.Sentences);
        var deepLink = TextFragment.Append(part.Url, drift is null ? facts.Directive : TextFragment.FromFoundSentences(quote, drift.MissingIndexes));

        // Only the post page says a source is gone: lists stay one query for all their posts.
        var gone = !context.IsSummary && await health.IsGoneAsync(context.ContentItem.ContentItemId, part.Url);
        return context.View(new SourceLinkPartViewModel(part.Url, deepLink, part.Title, part.Publication, part.PublishedUtc, archive, gone));
    }

    public override async Task UpdateAsync(SourceLinkPart part, IUpdateModel updater, PartDisplayContext context)
    {
        // The headline and publication are the quote's (asked once): a posted Title or Publication is ignored,
        // and QuoteSourceHandler copies the quote's here on save.
        var (title, publication) = (part.Title, part.Publication);
        await updater.TryUpdateModelAsync(part, context.Prefix);
        (part.Title, part.Publication) = (title, publication);
        part.Url = part.Url?.Trim() ?? "";
        part.ArchiveUrl = string.IsNullOrWhiteSpace(part.ArchiveUrl) ? null : part.ArchiveUrl.Trim();
        if (part.PublishedUtc is { } date)
        {
            part.PublishedUtc = DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
        }

        updater.AddPartErrors(context.Prefix, part);
    }
}
