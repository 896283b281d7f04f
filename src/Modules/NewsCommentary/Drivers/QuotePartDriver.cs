using Cms.Display;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class QuotePartDriver(IMarkdownRenderer markdown) : ContentPartDisplayDriver<QuotePart>
{
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

        var words = markdown.ToPlainText(part.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var skip = words > LongQuoteWords && context.ContentItem.As<AnalysisPart>() is { Markdown.Length: > 0 };
        return Task.FromResult<PartView?>(context.View(
            new QuotePartViewModel(part.Headline, part.Attribution, markdown.Render(part.Text, headingOffset: 1), cite, SkipToAnalysis: skip)));
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
