using Cms.Display;
using Modules.Markdown.Models;
using Modules.Markdown.Services;
using Modules.Markdown.ViewModels;

namespace Modules.Markdown.Drivers;

/// <summary>Shows the body rendered through <see cref="IMarkdownRenderer"/>; edits it as Markdown with the live preview.</summary>
public sealed class MarkdownBodyPartDriver(IMarkdownRenderer markdown) : ContentPartDisplayDriver<MarkdownBodyPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override Task<PartView?> DisplayAsync(MarkdownBodyPart part, PartDisplayContext context)
    {
        // Headings sit under the page's title, and under the item's own heading in a list.
        return Task.FromResult<PartView?>(context.View(new MarkdownBodyPartViewModel(markdown.Render(part.Markdown, context.IsSummary ? 2 : 1))));
    }

    public override async Task UpdateAsync(MarkdownBodyPart part, IUpdateModel updater, PartDisplayContext context)
    {
        await updater.TryUpdateModelAsync(part, context.Prefix);
        part.Markdown ??= "";
        updater.AddPartErrors(context.Prefix, part);
    }
}
