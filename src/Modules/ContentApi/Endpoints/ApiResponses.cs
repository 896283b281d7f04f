using System.Text;
using Microsoft.AspNetCore.Http;
using Modules.ContentApi.Security;
using Modules.ContentApi.Services;

namespace Modules.ContentApi.Endpoints;

/// <summary>A JSON answer with its entity tag and caching rule, or 304 when the client already holds it.</summary>
public static class ApiResponses
{
    /// <summary>Anonymous reads of published content: shared caches may keep them a minute (the output cache is evicted on change at once).</summary>
    public const string PublicCacheControl = "public, max-age=60";

    /// <summary>Reads with a token may show drafts or what only that user may see: never kept by a shared cache, nor on disk.</summary>
    public const string PrivateCacheControl = "private, no-store";

    public static IResult Json(HttpContext http, string json, int status = StatusCodes.Status200OK)
    {
        var etag = ItemETag.OfText(json);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = http.User.HasApiToken() || status != StatusCodes.Status200OK ? PrivateCacheControl : PublicCacheControl;
        if (status == StatusCodes.Status200OK && ItemETag.Matches(http.Request.Headers.IfNoneMatch, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8, status);
    }
}
