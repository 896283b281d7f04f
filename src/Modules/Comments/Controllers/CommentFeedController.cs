using Cms.Hosting;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using ContentPermissions = Modules.Contents.Permissions;

namespace Modules.Comments.Controllers;

/// <summary>GET /comments/{id}/rss.xml: a post's approved comments. Output-cached and evicted with the other public pages.</summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class CommentFeedController(
    CommentTargets targets,
    CommentFeedWriter feed,
    ISiteService site,
    IPublicUrls urls,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
{
    [HttpGet("/comments/{contentItemId}/rss.xml")]
    public async Task<IActionResult> Rss(string contentItemId)
    {
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.ViewContent))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var settings = await site.GetAsync();
        var target = await targets.FindPublishedAsync(contentItemId, settings.Comments(), clock.GetUtcNow().UtcDateTime);
        if (target is not { TakesComments: true })
        {
            return NotFound();
        }

        var baseUrl = await urls.BaseUrlAsync();
        var xml = await feed.WriteAsync(target, settings.SiteName, baseUrl);
        return Content(xml, "application/rss+xml; charset=utf-8");
    }
}
