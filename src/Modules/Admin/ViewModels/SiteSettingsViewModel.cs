using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Admin.ViewModels;

/// <summary>The site settings form: the site's name and its public address.</summary>
public sealed class SiteSettingsViewModel
{
    public string? SiteName { get; set; }

    public string? BaseUrl { get; set; }

    /// <summary>Ticked to confirm a new address on another host: the site then answers only there.</summary>
    public bool ConfirmMove { get; set; }

    /// <summary>Cms:BaseUrl, which wins over the setting when the host's configuration sets it.</summary>
    [BindNever]
    public string? ConfiguredBaseUrl { get; set; }
}
