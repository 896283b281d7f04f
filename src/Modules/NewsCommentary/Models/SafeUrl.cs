namespace Modules.NewsCommentary.Models;

/// <summary>Links that may go on a page: absolute http or https URLs with a host, and nothing else.</summary>
public static class SafeUrl
{
    public static bool IsHttp(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            && !url!.Any(char.IsWhiteSpace);
}
