using Cms.Content;
using Cms.Display;
using Microsoft.AspNetCore.Http;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Drivers;

/// <summary>
/// Detail: the thread, the form or the policy note ("CommentsPart"). Summary: the count linking to the
/// thread ("CommentsPart.Summary"), placed in the footer beside the permalink, as on Blogger. Edit: the
/// item's open/closed switch.
/// </summary>
public sealed class CommentsPartDriver(CommentThreadBuilder threads, CommentCounts counts, CommentTargets targets, IHttpContextAccessor http) : ContentPartDisplayDriver<CommentsPart>
{
    /// <summary>A list's counts come in one query for all its posts.</summary>
    public override Task PrepareDisplayAsync(IReadOnlyList<ContentItem> items, string displayType)
        => displayType == DisplayTypes.Summary ? counts.LoadAsync(items.Select(i => i.ContentItemId).ToList()) : Task.CompletedTask;

    public override async Task<PartView?> DisplayAsync(CommentsPart part, PartDisplayContext context)
    {
        var item = context.ContentItem;
        switch (context.DisplayType)
        {
            case DisplayTypes.Detail when http.HttpContext is { } request:
                return context.View(await threads.BuildAsync(item, request));
            case DisplayTypes.Summary:
                var count = new CommentCountViewModel(targets.PathOf(item) + "#comments", await counts.GetAsync(item.ContentItemId));
                return context.View(count) with { Zone = Zones.Footer };
            default:
                return null;
        }
    }

    public override async Task UpdateAsync(CommentsPart part, IUpdateModel updater, PartDisplayContext context)
        => await updater.TryUpdateModelAsync(part, context.Prefix);
}
