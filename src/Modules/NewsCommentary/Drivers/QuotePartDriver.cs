using Cms.Display;
using Modules.Contents.Services;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class QuotePartDriver(IMarkdownRenderer markdown, IAutorouteEntries entries) : ContentPartDisplayDriver<QuotePart>
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

        return Task.FromResult<PartView?>(context.View(
            new QuotePartViewModel(part.Headline, part.Attribution, markdown.Render(part.Text, headingOffset: 1), cite, null)));
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
