using Cms.Settings;
using Microsoft.Extensions.Options;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The checker introduces itself: product and version, and the site's URL when the site settings
/// know it, so a publisher who sees the requests in their logs knows whom to ask.
/// </summary>
public sealed class LinkCheckUserAgent(IPublicUrls urls, IOptions<LinkCheckOptions> options)
{
    public const string Product = "NewsCommentaryLinkChecker";

    public async Task<string> GetAsync()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.UserAgent))
        {
            return options.Value.UserAgent.Trim();
        }

        var version = typeof(LinkCheckUserAgent).Assembly.GetName().Version ?? new Version(1, 0);
        var baseUrl = await urls.BaseUrlAsync();
        var contact = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"+{uri.AbsoluteUri}; "
            : "";
        return $"{Product}/{version.Major}.{version.Minor} ({contact}checks that cited sources are still online)";
    }
}
