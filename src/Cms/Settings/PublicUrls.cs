using Microsoft.AspNetCore.Http;

namespace Cms.Settings;

/// <summary>
/// Builds absolute URLs from the configured base URL. Until every site has one, it falls back to
/// the request's own origin, as main did before this seam existed (issue 10 removes the fallback).
/// </summary>
public sealed class PublicUrls(ISiteService site, IHttpContextAccessor http) : IPublicUrls
{
    public async Task<string> BaseUrlAsync()
    {
        var configured = (await site.GetAsync()).BaseUrl;
        if (configured.Length > 0)
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public async Task<string> AbsoluteAsync(string path) => $"{await BaseUrlAsync()}/{path.TrimStart('/')}";
}
