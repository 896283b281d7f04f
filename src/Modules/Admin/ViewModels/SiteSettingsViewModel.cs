using Cms.Settings;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Admin.ViewModels;

/// <summary>The site settings form: the site's name and its public address.</summary>
public sealed class SiteSettingsViewModel
{
    public string? SiteName { get; set; }

    public string? BaseUrl { get; set; }

    public string? SiteDescription { get; set; }

    /// <summary>An IANA time zone id, e.g. Europe/London: dates on the site, archives and the editor's dates are in it.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Posts per page on the home page, archives and tag pages. A string, so "abc" gets our message, not the binder's.</summary>
    public string? PageSize { get; set; }

    [BindNever]
    public int MaxPageSize { get; set; }

    [BindNever]
    public IReadOnlyList<string> TimeZones { get; set; } = [];

    /// <summary>Ticked to confirm a new address on another host: the site then answers only there.</summary>
    public bool ConfirmMove { get; set; }

    /// <summary>Cms:BaseUrl, which wins over the setting when the host's configuration sets it.</summary>
    [BindNever]
    public string? ConfiguredBaseUrl { get; set; }

    /// <summary>The enabled modules' site-wide defaults, posted by their own field names.</summary>
    [BindNever]
    public IReadOnlyList<SiteSettingsSectionView> Sections { get; set; } = [];
}

/// <summary>A module's fieldset on the page, with its values (the posted ones when the form is shown again).</summary>
public sealed record SiteSettingsSectionView(string Title, IReadOnlyList<SiteSettingsField> Fields);
