using Microsoft.Extensions.Configuration;

namespace Cms.Settings;

/// <summary>
/// Builds absolute URLs from the site's public base URL: Cms__BaseUrl when configured, else the
/// BaseUrl setting (asked at setup, changed on the site settings page). Never from the request's Host.
/// A site set up before the setting existed may have none: then the URLs are root-relative ("/path"),
/// mail with links is not sent, and the admin shows a notice until it is set.
/// </summary>
public sealed class PublicUrls(ISiteService site, IConfiguration configuration) : IPublicUrls
{
    public async Task<string> BaseUrlAsync()
        => PublicBaseUrl.Configured(configuration) ?? PublicBaseUrl.ForLinks((await site.GetAsync()).BaseUrl);

    public async Task<string> AbsoluteAsync(string path) => $"{await BaseUrlAsync()}/{path.TrimStart('/')}";
}
