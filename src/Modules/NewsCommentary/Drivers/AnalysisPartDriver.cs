using Cms.Display;
using Modules.Markdown.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

public sealed class AnalysisPartDriver(IMarkdownRenderer markdown) : ContentPartDisplayDriver<AnalysisPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override Task<PartView?> DisplayAsync(AnalysisPart part, PartDisplayContext context)
    {
        // Headings sit under the page's title, and under the post's own heading in a list.
        var offset = context.IsSummary ? 2 : 1;
        return Task.FromResult<PartView?>(context.View(new AnalysisPartViewModel(markdown.Render(part.Markdown, offset))));
    }

    public override async Task UpdateAsync(AnalysisPart part, IUpdateModel updater, PartDisplayContext context)
    {
        await updater.TryUpdateModelAsync(part, context.Prefix);
        part.Markdown ??= "";
        updater.AddPartErrors(context.Prefix, part);
    }
}
