using Cms.Display;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.Drivers;

/// <summary>
/// The previous and next posts and related posts under a post's page (Detail only; lists stay one
/// query). It rides on TagsPart because related posts are chosen by tags; it edits nothing.
/// </summary>
public sealed class PostNavigationDriver(PostNavigationQuery navigation) : ContentPartDisplayDriver<TagsPart>
{
    public override bool DisplayIsSameForEveryReader => true;

    public override async Task<PartView?> DisplayAsync(TagsPart part, PartDisplayContext context)
    {
        if (context.DisplayType != DisplayTypes.Detail || await navigation.ForAsync(context.ContentItem) is not { } model)
        {
            return null;
        }

        return context.View("PostNavigation", model);
    }

    public override Task<PartView?> EditAsync(TagsPart part, PartDisplayContext context) => Task.FromResult<PartView?>(null);

    public override Task UpdateAsync(TagsPart part, IUpdateModel updater, PartDisplayContext context) => Task.CompletedTask;
}
