using Cms.Admin;
using Cms.Content;
using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Modules.Admin.ViewModels;

namespace Modules.Admin.Controllers;

/// <summary>
/// The site's name and public address (base URL). Needs ManageSettings. Every absolute URL the site
/// writes starts with the address, and the site answers no other host name, so moving it to another
/// host is confirmed first.
/// </summary>
[Admin]
[Route("admin/settings/site")]
public sealed class SiteSettingsController(ISiteService site, IConfiguration configuration, IAuthorizationService authorization, INotifier notifier) : Controller
{
    public const int MaxSiteName = 70;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageSettings) is { } denied)
        {
            return denied;
        }

        var settings = await site.GetAsync();
        return Page(new SiteSettingsViewModel { SiteName = settings.SiteName, BaseUrl = settings.BaseUrl });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(SiteSettingsViewModel model)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageSettings) is { } denied)
        {
            return denied;
        }

        var name = model.SiteName?.Trim() ?? "";
        if (name.Length is 0 or > MaxSiteName)
        {
            ModelState.AddModelError(nameof(model.SiteName), $"The site name is required and has at most {MaxSiteName} characters.");
        }
        else if (XmlChars.Problem(name, "The site name") is { } problem)
        {
            ModelState.AddModelError(nameof(model.SiteName), problem);
        }

        var configured = PublicBaseUrl.Configured(configuration);
        var baseUrl = (await site.GetAsync()).BaseUrl;
        var keepStored = configured is not null && string.IsNullOrWhiteSpace(model.BaseUrl);
        if (!keepStored && !PublicBaseUrl.TryNormalize(model.BaseUrl, out baseUrl, out var error))
        {
            ModelState.AddModelError(nameof(model.BaseUrl), error);
        }
        else if (!keepStored && configured is null && !model.ConfirmMove
            && !string.Equals(new Uri(baseUrl).IdnHost, Request.Host.Host, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(model.ConfirmMove),
                $"After saving, the site answers only at {baseUrl}, not at {Request.Host.Host}: tick the box to confirm that readers reach it there.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(model);
        }

        await site.UpdateAsync(s =>
        {
            s.SiteName = name;
            s.BaseUrl = baseUrl;
        });
        notifier.Success("Saved.");
        return Redirect((configured ?? baseUrl) + "/admin/settings/site");
    }

    private ViewResult Page(SiteSettingsViewModel model)
    {
        model.ConfiguredBaseUrl = PublicBaseUrl.Configured(configuration);
        ViewData["Title"] = "Site settings";
        return View("SiteSettings", model);
    }
}
