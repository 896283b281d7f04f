using Cms.Content;
using Cms.Display;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>The latest version of an item as readers would see it once published, in the site's theme. Never cached.</summary>
public sealed class PreviewController(
    IContentManager contentManager,
    IContentDisplayManager display,
    ContentAuthorizer authorizer,
    ISiteService site,
    ICompositeViewEngine viewEngine) : Controller
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

        if (!await authorizer.CanAsync(User, ContentAction.Preview, item))
        {
            return Forbid();
        }

        var zone = (await site.GetAsync()).TimeZone();
        var model = new ContentPageViewModel
        {
            Display = await display.BuildDisplayAsync(item, "Detail"),
            PublishedLocal = TimeZoneInfo.ConvertTimeFromUtc(item.PublishedUtc ?? DateTime.UtcNow, zone),
            Path = $"/preview/{id}",
            IsPreview = true,
        };
        Response.Headers.CacheControl = "no-store";
        var typedView = $"Content-{item.ContentType}";
        return View(viewEngine.FindView(ControllerContext, typedView, isMainPage: true).Success ? typedView : "Content", model);
    }
}
