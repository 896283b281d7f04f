using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.Contents.Models;
using Modules.Contents.Services;

namespace Modules.Contents.Controllers;

/// <summary>Shows a published item at its AutoroutePart path. The route comes last, after every other.</summary>
public sealed class ItemController(IAutorouteEntries entries, Redirects redirects, IContentDisplayManager display, IAuthorizationService authorization) : Controller
{
    [HttpGet("{**path}", Order = int.MaxValue)]
    [OutputCache(PolicyName = PublicCachePolicy.Name)]
    public async Task<IActionResult> Display(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > AutoroutePart.MaxLength || await entries.FindPublishedAsync(path) is not { } item)
        {
            // An old address (an imported blog's): 301 to where it lives now. Blogger's "?m=1" (its mobile
            // pages) and any other query are the same page, so only the path is looked up.
            return await redirects.FindAsync("/" + path) is { } target ? RedirectPermanent(target) : NotFound();
        }

        if (await this.DenyUnlessAsync(authorization, ContentPermissions.ViewContent, item) is { } denied)
        {
            return denied;
        }

        var page = await display.BuildPageAsync(item, ControllerContext);
        return View(page.ViewName, page.Model);
    }
}
