using Cms.Display;
using Modules.Contents.Services;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class QuotePartDriver(IMarkdownRenderer markdown, IAutorouteEntries entries, LinkHealthQuery health) : ContentPartDisplayDriver<QuotePart>
{
    public override Task<PartView?> DisplayAsync(QuotePart part, PartDisplayContext context)
    {
        var source = context.ContentItem.As<SourceLinkPart>()?.Url;
        var cite = SafeUrl.IsHttp(source) ? source : null;
        if (context.IsSummary)
        {
            var (excerpt, isWhole) = QuoteExcerpt.From(part.Text);
            var more = isWhole ? null : entries.PathOf(context.ContentItem);
            return Task.FromResult<PartView?>(context.View(
                new QuotePartViewModel(part.Headline, part.Attribution, markdown.Render(excerpt, headingOffset: 2), cite, more)));
        }

        return DetailAsync(part, context, cite);
    }

    /// <summary>The post page's quote, with the notice under it when the source has dropped some of its sentences.</summary>
    private async Task<PartView?> DetailAsync(QuotePart part, PartDisplayContext context, string? cite)
    {
        var drift = cite is null ? null : await health.DriftOfAsync(context.ContentItem.ContentItemId, QuoteText.Sentences(markdown.ToPlainText(part.Text)));
        var archive = context.ContentItem.As<SourceLinkPart>()?.ArchiveUrl;
        return context.View(new QuotePartViewModel(
            part.Headline, part.Attribution, markdown.Render(part.Text, headingOffset: 1), cite, null,
            drift?.FirstNoticedUtc, SafeUrl.IsHttp(archive) ? archive : null));
    }

    public override async Task UpdateAsync(QuotePart part, IUpdateModel updater, PartDisplayContext context)
    {
        await updater.TryUpdateModelAsync(part, context.Prefix);
        part.Headline = part.Headline?.Trim() ?? "";
        part.Attribution = part.Attribution?.Trim() ?? "";
        part.Text ??= "";
        updater.AddPartErrors(context.Prefix, part);
    }
}
