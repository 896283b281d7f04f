using Cms.Content;
using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.OutputCaching;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>Shows a published item at its AutoroutePart path. The route comes last, after every other.</summary>
public sealed class ItemController(
    IAutorouteEntries entries,
    IContentDisplayManager displayManager,
    IAuthorizationService authorization,
    ISiteService site,
    ICompositeViewEngine viewEngine) : Controller
{
    [HttpGet("{**path}", Order = int.MaxValue)]
    [OutputCache(PolicyName = PublicCachePolicy.Name)]
    public async Task<IActionResult> Display(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > Models.AutoroutePart.MaxLength)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentPermissions.ViewContent))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var item = await entries.FindPublishedAsync(path);
        if (item is null)
        {
            return NotFound();
        }

        var settings = await site.GetAsync();
        var model = new ContentPageViewModel
        {
            Display = await displayManager.BuildDisplayAsync(item, "Detail"),
            PublishedLocal = item.PublishedUtc is { } published ? TimeZoneInfo.ConvertTimeFromUtc(published, settings.TimeZone()) : null,
            Path = "/" + path,
        };
        var typedView = $"Content-{item.ContentType}";
        return View(viewEngine.FindView(ControllerContext, typedView, isMainPage: true).Success ? typedView : "Content", model);
    }
}
