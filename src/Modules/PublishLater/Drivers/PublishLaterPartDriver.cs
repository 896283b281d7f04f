using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Modules.Contents;
using Modules.PublishLater.Models;
using Modules.PublishLater.Services;
using Modules.PublishLater.ViewModels;

namespace Modules.PublishLater.Drivers;

/// <summary>
/// The "Publish at" field of the editor, for those who may publish the item. A time in the future
/// saved with the draft schedules it; an empty field unschedules it. Nothing shows on the site.
/// </summary>
public sealed class PublishLaterPartDriver(ISiteService site, TimeProvider clock, IAuthorizationService authorization, IHttpContextAccessor http)
    : ContentPartDisplayDriver<PublishLaterPart>
{
    public override Task<PartView?> DisplayAsync(PublishLaterPart part, PartDisplayContext context) => Task.FromResult<PartView?>(null);

    public override async Task<PartView?> EditAsync(PublishLaterPart part, PartDisplayContext context)
    {
        if (!await MayPublishAsync(context))
        {
            return null;
        }

        var zone = (await site.GetAsync()).TimeZone();
        var scheduled = context.ContentItem.Published ? null : part.ScheduledPublishUtc;
        return context.View(new PublishLaterPartViewModel
        {
            PublishAt = scheduled is { } utc ? SiteTime.ToInput(utc, zone) : "",
            ScheduledLocal = scheduled is { } at ? SiteTime.ToLocal(at, zone) : null,
            TimeZoneName = zone.Id,
            ContentItemId = context.ContentItem.ContentItemId,
        });
    }

    public override async Task UpdateAsync(PublishLaterPart part, IUpdateModel updater, PartDisplayContext context)
    {
        var form = new PublishLaterPartViewModel();
        await updater.TryUpdateModelAsync(form, context.Prefix);
        if (string.IsNullOrWhiteSpace(form.PublishAt))
        {
            part.ScheduledPublishUtc = null;
            return;
        }

        var field = $"{context.Prefix}.{nameof(form.PublishAt)}";
        if (!await MayPublishAsync(context))
        {
            // This user's editor has no "Publish at" field to show the message beside: it goes at the top.
            updater.ModelState.AddModelError("", "You may not publish this item, so you cannot schedule it either.");
            return;
        }

        var zone = (await site.GetAsync()).TimeZone();
        var (utc, error) = SiteTime.FromInput(form.PublishAt, zone);
        if (utc is null)
        {
            updater.ModelState.AddModelError(field, error!);
            return;
        }

        if (utc <= clock.GetUtcNow().UtcDateTime)
        {
            updater.ModelState.AddModelError(field, $"Publish at must be in the future (it is now {SiteTime.ToInput(clock.GetUtcNow().UtcDateTime, zone).Replace('T', ' ')} in {zone.Id}). To publish now, press Publish.");
            return;
        }

        part.ScheduledPublishUtc = utc;
    }

    private async Task<bool> MayPublishAsync(PartDisplayContext context)
        => http.HttpContext?.User is { } user && await authorization.AuthorizeAsync(user, ContentPermissions.PublishContent, context.ContentItem);
}
