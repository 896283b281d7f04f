using System.Text.Json;
using Cms.Hosting;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Modules.Contents.Controllers;

/// <summary>
/// The web app manifest (name, colours, icons) that lets a reader add the site to a home screen. The
/// name is the site's own, so it is written per site; the icons are the active theme's
/// (<c>icon-192.png</c>, <c>icon-512.png</c>, <c>favicon.svg</c> in its wwwroot).
/// </summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class WebManifestController(ISiteService site) : Controller
{
    [HttpGet("/manifest.webmanifest")]
    public async Task<IActionResult> Manifest()
    {
        var settings = await site.GetAsync();
        var icons = new List<object>();
        if (settings.SiteTheme.Length > 0)
        {
            var root = $"/_content/{Uri.EscapeDataString(settings.SiteTheme)}";
            icons.Add(new { src = $"{root}/icon-192.png", sizes = "192x192", type = "image/png" });
            icons.Add(new { src = $"{root}/icon-512.png", sizes = "512x512", type = "image/png" });
            icons.Add(new { src = $"{root}/favicon.svg", sizes = "any", type = "image/svg+xml" });
        }

        var manifest = new
        {
            name = settings.SiteName,
            short_name = settings.SiteName.Length <= 12 ? settings.SiteName : settings.SiteName[..12].TrimEnd(),
            description = settings.SiteDescription,
            lang = settings.Culture,
            start_url = "/",
            scope = "/",
            display = "browser",
            background_color = "#fbfaf7",
            theme_color = "#1f5c9e",
            icons,
        };
        return Content(JsonSerializer.Serialize(manifest), "application/manifest+json; charset=utf-8");
    }
}
