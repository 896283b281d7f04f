namespace Cms.Settings;

/// <summary>
/// The one place that turns a site path into an absolute URL (e-mailed links, canonical, Open
/// Graph, JSON-LD, feeds, sitemap, robots). Everything absolute the site writes goes through it.
/// </summary>
public interface IPublicUrls
{
    /// <summary>
    /// The site's public base URL without a trailing slash, e.g. "https://example.com"; "" on a site
    /// that has none yet (set up before the setting existed), so links stay root-relative.
    /// </summary>
    Task<string> BaseUrlAsync();

    /// <summary>The absolute URL of a site path ("/2020/09/11/sochi-meeting" or "2020/09/11/sochi-meeting").</summary>
    Task<string> AbsoluteAsync(string path);
}
