using Cms.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Cms.Controllers;

/// <summary>
/// Errors under <c>/api</c> (REST, GraphQL) that no endpoint answered itself, such as a wrong method (405), a path
/// with no endpoint (404) or a body type refused (415), answered as the API answers its own refusals: an RFC 9457
/// problem body (<c>application/problem+json</c>), not the theme's HTML page a script cannot read.
/// </summary>
public static class ApiErrorAnswer
{
    public static bool IsApiPath(string? path) => path is not null && ApiPaths.Contains(new PathString(path));

    /// <param name="message">What the site page would say, when it knows more than the status (429, 503).</param>
    public static ObjectResult For(HttpContext http, int status, string method, string path, string? message)
    {
        http.Response.Headers.CacheControl = "no-store";
        var detail = message ?? status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {path}. The content API is under /api/content (its reference is /api/docs), GraphQL at /api/graphql.",
            StatusCodes.Status405MethodNotAllowed => $"{method} is not allowed on {path}" + (http.Response.Headers.Allow.Count > 0 ? $"; it answers {http.Response.Headers.Allow}." : "."),
            StatusCodes.Status415UnsupportedMediaType => $"{path} does not take a body of type '{http.Request.ContentType ?? "none"}'; send application/json.",
            StatusCodes.Status500InternalServerError => "The server failed to answer this request; the site's log says why. Nothing is known to have been written.",
            _ => ReasonPhrases.GetReasonPhrase(status) + ".",
        };
        return new ObjectResult(new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
    }
}
