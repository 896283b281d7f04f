using Cms.Display;
using Modules.Contents.Models;
using Modules.Contents.Services;

namespace Modules.Contents.Drivers;

/// <summary>The path editor: empty means "generate from the pattern"; a path another item uses is refused.</summary>
public sealed class AutoroutePartDriver(IAutorouteEntries entries) : ContentPartDisplayDriver<AutoroutePart>
{
    public override Task<PartView?> DisplayAsync(AutoroutePart part, PartDisplayContext context)
        => Task.FromResult<PartView?>(null);

    public override async Task UpdateAsync(AutoroutePart part, IUpdateModel updater, PartDisplayContext context)
    {
        await updater.TryUpdateModelAsync(part, context.Prefix);
        part.Path = (part.Path ?? "").Trim().Trim('/');
        updater.AddPartErrors(context.Prefix, part);
        if (part.Path.Length > 0 && updater.ModelState.IsValid)
        {
            var id = context.ContentItem.ContentItemId;
            if (await entries.IsTakenAsync(part.Path, id))
            {
                updater.ModelState.AddModelError($"{context.Prefix}.{nameof(AutoroutePart.Path)}", $"Another item already uses the path '{part.Path}'.");
            }
        }
    }
}
