using Cms.Display;
using Modules.Contents.Models;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Drivers;

public sealed class TitlePartDriver(IAutorouteEntries entries) : ContentPartDisplayDriver<TitlePart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override Task<PartView?> DisplayAsync(TitlePart part, PartDisplayContext context)
    {
        var model = new TitlePartViewModel(part.Title, entries.PathOf(context.ContentItem));
        return Task.FromResult<PartView?>(context.View(model));
    }

    public override async Task UpdateAsync(TitlePart part, IUpdateModel updater, PartDisplayContext context)
    {
        await updater.TryUpdateModelAsync(part, context.Prefix);
        part.Title = part.Title?.Trim() ?? "";
        updater.AddPartErrors(context.Prefix, part);
    }
}
