using Microsoft.Extensions.Configuration;

namespace Cms.Settings;

/// <summary>
/// The rules of the site's public base URL: an absolute http or https origin (scheme, host, optional
/// port), without path, query, fragment or user name. Every absolute URL the site writes starts with it;
/// it is never taken from a request's Host header.
/// </summary>
public static class PublicBaseUrl
{
    /// <summary>The configuration key that, when set, wins over the setting (Cms__BaseUrl).</summary>
    public const string ConfigurationKey = "Cms:BaseUrl";

    public const string Example = "https://news.example.com";

    /// <summary>The configured base URL, normalised; null when not configured. A bad value stops the host with the reason.</summary>
    public static string? Configured(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryNormalize(value, out var normalized, out var error)
            ? normalized
            : throw new InvalidOperationException($"{ConfigurationKey}: {error}");
    }

    /// <summary>"https://News.Example.com/" becomes "https://news.example.com"; anything else is refused with the reason.</summary>
    public static bool TryNormalize(string? value, out string normalized, out string error)
    {
        normalized = "";
        error = "";
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = $"The site's public address (base URL) is required, e.g. {Example}: links in e-mails, feeds and the sitemap are made from it.";
            return false;
        }

        if (text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{Shorten(text)}' is not an absolute http:// or https:// address such as {Example}.";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
        {
            error = $"The base URL is the site's address alone, without a path, query or user name: {uri.Scheme}://{uri.Authority}.";
            return false;
        }

        normalized = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }

    /// <summary>The stored or configured value as links use it: normalised when valid, else as stored without a trailing '/'.</summary>
    public static string ForLinks(string? value) => TryNormalize(value, out var normalized, out _) ? normalized : (value ?? "").Trim().TrimEnd('/');

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
