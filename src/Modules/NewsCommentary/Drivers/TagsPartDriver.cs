using Cms.Display;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Drivers;

/// <summary>Tags as rel="tag" links (Detail and Summary); edited as one comma-separated field.</summary>
public sealed class TagsPartDriver(TagQueries tags) : ContentPartDisplayDriver<TagsPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override Task<PartView?> DisplayAsync(TagsPart part, PartDisplayContext context)
    {
        var entries = part.Entries().ToList();
        if (entries.Count == 0)
        {
            return Task.FromResult<PartView?>(null);
        }

        return Task.FromResult<PartView?>(context.View(new TagsPartViewModel(entries)));
    }

    public override async Task<PartView?> EditAsync(TagsPart part, PartDisplayContext context)
    {
        var inUse = (await tags.AllAsync()).Select(t => t.Name).ToList();
        return context.View(new TagsPartEditViewModel { Tags = string.Join(", ", part.Tags ?? []), InUse = inUse });
    }

    public override async Task UpdateAsync(TagsPart part, IUpdateModel updater, PartDisplayContext context)
    {
        var model = new TagsPartEditViewModel();
        await updater.TryUpdateModelAsync(model, context.Prefix);
        part.Tags = TagsPart.Normalize((model.Tags ?? "").Split(','));
        updater.AddPartErrors(context.Prefix, part);
    }
}
