using Cms.Display;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class QuotePartDriver(IMarkdownRenderer markdown, LinkHealthQuery health) : ContentPartDisplayDriver<QuotePart>
{
    public override bool DisplayIsSameForEveryReader => true;

    /// <summary>A quote longer than this many words gets a "Skip to the analysis" link at its top.</summary>
    public const int LongQuoteWords = 150;

    public override Task<PartView?> DisplayAsync(QuotePart part, PartDisplayContext context)
    {
        var source = context.ContentItem.As<SourceLinkPart>()?.Url;
        var cite = SafeUrl.IsHttp(source) ? source : null;
        if (context.IsSummary)
        {
            var (excerpt, isWhole) = QuoteExcerpt.From(part.Text);
            return Task.FromResult<PartView?>(context.View(
                new QuotePartViewModel(part.Headline, part.Attribution, markdown.Render(excerpt, headingOffset: 2), cite, IsExcerpt: !isWhole)));
        }

        return DetailAsync(part, context, cite);
    }

    /// <summary>The post page's quote: the skip link when it is long, the notice under it when the source has dropped some of its sentences.</summary>
    private async Task<PartView?> DetailAsync(QuotePart part, PartDisplayContext context, string? cite)
    {
        var facts = QuoteFacts.Of(markdown.ToPlainText(part.Text));
        var skip = facts.Words > LongQuoteWords && context.ContentItem.As<AnalysisPart>() is { Markdown.Length: > 0 };
        var drift = cite is null ? null : await health.DriftOfAsync(context.ContentItem.ContentItemId, facts.Sentences);
        var archive = context.ContentItem.As<SourceLinkPart>()?.ArchiveUrl;
        return context.View(new QuotePartViewModel(
            part.Headline, part.Attribution, markdown.Render(part.Text, headingOffset: 1), cite, SkipToAnalysis: skip,
            DriftNoticedUtc: drift?.FirstNoticedUtc, ArchiveUrl: SafeUrl.IsHttp(archive) ? archive : null));
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
