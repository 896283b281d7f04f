using Cms.Display;
using Cms.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Services;
using Modules.Comments.Settings;

namespace Modules.Comments.Controllers;

/// <summary>Moderators close or reopen the thread under a post, from the post page. Needs ModerateComments.</summary>
[Route("comments/{contentItemId}")]
public sealed class ThreadModerationController(
    CommentTargets targets,
    CommentPolicy policy,
    CommentModeration moderation,
    ISiteService site,
    INotifier notifier,
    TimeProvider clock,
    IAntiforgery antiforgery) : CommentControllerBase(antiforgery)
{
    [HttpPost("close")]
    public Task<IActionResult> Close(string contentItemId) => SetOpenAsync(contentItemId, open: false);

    [HttpPost("open")]
    public Task<IActionResult> Open(string contentItemId) => SetOpenAsync(contentItemId, open: true);

    private async Task<IActionResult> SetOpenAsync(string contentItemId, bool open)
    {
        var settings = (await site.GetAsync()).Comments();
        var target = await targets.FindPublishedAsync(contentItemId, settings, clock.GetUtcNow().UtcDateTime);
        var rights = await policy.RightsOfAsync(User);
        if (!rights.IsSignedIn)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = target?.Path ?? "/" });
        }

        if (!rights.CanModerate)
        {
            return Refused(403, "Only moderators may close or reopen comments.", target?.Path);
        }

        if (target is null)
        {
            return Refused(404, "There is no published post here.", null);
        }

        if (!await FormIsGenuineAsync())
        {
            return Refused(400, FormNotGenuineMessage, target.Path);
        }

        if (!target.TakesComments)
        {
            return Refused(400, $"“{target.Title}” does not take comments.", target.Path);
        }

        await moderation.SetOpenAsync(target.Item.ContentItemId, open);
        var closedByAge = settings.CloseAfterDays > 0 && target.Item.PublishedUtc?.AddDays(settings.CloseAfterDays) <= clock.GetUtcNow().UtcDateTime;
        if (open && closedByAge)
        {
            notifier.Error($"Comments on “{target.Title}” stay closed: this site closes comments {settings.CloseAfterDays} days after a post is published.");
        }
        else
        {
            notifier.Success(open ? $"Comments on “{target.Title}” are open again." : $"Comments on “{target.Title}” are closed.");
        }

        return Redirect($"{target.Path}#comments");
    }
}
