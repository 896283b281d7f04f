using Cms.Display;
using Microsoft.AspNetCore.Http;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Drivers;

/// <summary>
/// Detail: the thread, the form or the policy note ("CommentsPart"). Summary: the count linking to the
/// thread ("CommentsPart.Summary"). Edit: the item's open/closed switch.
/// </summary>
public sealed class CommentsPartDriver(CommentThreadBuilder threads, CommentCounts counts, CommentTargets targets, IHttpContextAccessor http) : ContentPartDisplayDriver<CommentsPart>
{
    public override async Task<PartView?> DisplayAsync(CommentsPart part, PartDisplayContext context)
    {
        var item = context.ContentItem;
        switch (context.DisplayType)
        {
            case "Detail" when http.HttpContext is { } request:
                return context.View(PartName, await threads.BuildAsync(item, request));
            case "Summary":
                // Asked for now, read when the page renders: one query for every post on the page.
                counts.Want(item.ContentItemId);
                var url = targets.PathOf(item) + "#comments";
                return context.View($"{PartName}.Summary", new CommentCountViewModel(url, () => counts.GetAsync(item.ContentItemId)));
            default:
                return null;
        }
    }

    public override async Task UpdateAsync(CommentsPart part, IUpdateModel updater, PartDisplayContext context)
        => await updater.TryUpdateModelAsync(part, context.Prefix);
}
