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
/// The site's name, description, time zone, page size and public address (base URL), stored in the same
/// site settings the recipe `settings` step writes (saving evicts every cached page). Needs ManageSettings. Every absolute URL the site
/// writes starts with the address, and the site answers no other host name, so moving it to another
/// host is confirmed first. Enabled modules add their site-wide defaults (<see cref="ISiteSettingsSection"/>,
/// e.g. the default comment policy), each shown to those with its permission and saved with the rest.
/// </summary>
[Admin]
[Route("admin/settings/site")]
public sealed class SiteSettingsController(ISiteService site, IConfiguration configuration, IAuthorizationService authorization, INotifier notifier, SiteSettingsSections sections) : Controller
{
    public const int MaxSiteName = 70;
    public const int MaxDescription = 300;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageSettings) is { } denied)
        {
            return denied;
        }

        var settings = await site.GetAsync();
        return Page(new SiteSettingsViewModel
        {
            SiteName = settings.SiteName,
            BaseUrl = settings.BaseUrl,
            SiteDescription = settings.SiteDescription,
            TimeZoneId = settings.TimeZoneId,
            PageSize = settings.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, settings, await sections.ForAsync(User), posted: null);
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

        var current = await site.GetAsync();
        var (description, zone, pageSize) = ReadDisplaySettings(model, current);
        var configured = PublicBaseUrl.Configured(configuration);
        var baseUrl = current.BaseUrl;
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

        var modules = await sections.ForAsync(User);
        var posted = PostedSectionFields(modules, current);
        var changes = modules.Select(m => m.Read(posted)).ToList();
        foreach (var problem in changes.SelectMany(c => c.Errors))
        {
            ModelState.AddModelError(problem.Property, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(model, current, modules, posted);
        }

        await site.UpdateAsync(s =>
        {
            s.SiteName = name;
            s.BaseUrl = baseUrl;
            s.SiteDescription = description;
            s.TimeZoneId = zone;
            s.PageSize = pageSize;
            foreach (var change in changes)
            {
                change.Apply(s);
            }
        });
        notifier.Success("Saved.");
        return Redirect((configured ?? baseUrl) + "/admin/settings/site");
    }

    /// <summary>
    /// The description, time zone and page size, checked by the rules the recipe step and setup apply; problems
    /// go beside their fields. A field the form did not send keeps its value (a script changing only the name).
    /// </summary>
    private (string Description, string TimeZoneId, int PageSize) ReadDisplaySettings(SiteSettingsViewModel model, SiteSettings current)
    {
        var maxPageSize = current.MaxPageSize;
        var form = Request.Form;
        model.SiteDescription = form.ContainsKey(nameof(model.SiteDescription)) ? model.SiteDescription : current.SiteDescription;
        model.TimeZoneId = form.ContainsKey(nameof(model.TimeZoneId)) ? model.TimeZoneId : current.TimeZoneId;
        model.PageSize = form.ContainsKey(nameof(model.PageSize)) ? model.PageSize : current.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var description = model.SiteDescription?.Trim() ?? "";
        if (description.Length > MaxDescription)
        {
            ModelState.AddModelError(nameof(model.SiteDescription), $"The description has at most {MaxDescription} characters (search engines show about 155).");
        }
        else if (XmlChars.Problem(description, "The description") is { } problem)
        {
            ModelState.AddModelError(nameof(model.SiteDescription), problem);
        }

        var zone = model.TimeZoneId?.Trim() ?? "";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            ModelState.AddModelError(nameof(model.TimeZoneId), $"“{zone}” is not a time zone this server knows: choose one from the list, e.g. Europe/London.");
        }

        if (!int.TryParse(model.PageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pageSize)
            || pageSize < 1 || pageSize > maxPageSize)
        {
            ModelState.AddModelError(nameof(model.PageSize), $"Posts per page must be a whole number from 1 to {maxPageSize}.");
        }

        return (description, zone, pageSize);
    }

    /// <summary>The modules' fields the form sent, by name; a field it did not send is left out and keeps its value.</summary>
    private Dictionary<string, string?> PostedSectionFields(IReadOnlyList<ISiteSettingsSection> modules, SiteSettings current)
        => modules.SelectMany(m => m.Fields(current)).Where(f => Request.Form.ContainsKey(f.Name))
            .ToDictionary(f => f.Name, f => (string?)Request.Form[f.Name].ToString(), StringComparer.Ordinal);

    private ViewResult Page(SiteSettingsViewModel model, SiteSettings settings, IReadOnlyList<ISiteSettingsSection> modules, Dictionary<string, string?>? posted)
    {
        model.MaxPageSize = settings.MaxPageSize;
        model.Sections = modules.Select(m => new SiteSettingsSectionView(m.Title, m.Fields(settings)
            .Select(f => posted is not null && posted.TryGetValue(f.Name, out var value) ? f with { Value = value ?? "" } : f).ToList())).ToList();
        model.ConfiguredBaseUrl = PublicBaseUrl.Configured(configuration);
        model.TimeZones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal).ToList();
        ViewData["Title"] = "Site settings";
        return View("SiteSettings", model);
    }
}
