using Cms.Content;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Modules.Contents.Controllers;

/// <summary>The latest version of an item as readers would see it once published, in the site's theme. Never cached.</summary>
public sealed class PreviewController(IContentManager contentManager, IContentDisplayManager display, IAuthorizationService authorization) : Controller
{
    [HttpGet("/preview/{id}")]
    public async Task<IActionResult> Show(string id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        if (await this.DenyUnlessAsync(authorization, ContentPermissions.PreviewContent, item) is { } denied)
        {
            return denied;
        }

        Response.Headers.CacheControl = "no-store";
        var page = await display.BuildPageAsync(item, ControllerContext, isPreview: true);
        return View(page.ViewName, page.Model);
    }
}
