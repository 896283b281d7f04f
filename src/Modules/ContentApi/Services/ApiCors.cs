using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;

namespace Modules.ContentApi.Services;

/// <summary>
/// Cross-origin reads and writes of /api/content, from the origins in <c>Cms:Api:CorsOrigins</c> alone (none by
/// default: a browser on another site is refused). Tokens travel in the Authorization header, never in cookies,
/// so credentials are never allowed. Done here rather than by the CORS middleware so the module needs nothing
/// of the host's pipeline; the output cache keeps one copy per allowed origin (<see cref="ApiCacheVaryPolicy"/>).
/// </summary>
public sealed class ApiCors(IConfiguration configuration)
{
    public const string ConfigurationKey = "Cms:Api:CorsOrigins";

    private const string AllowedMethods = "GET, POST, PUT, DELETE";
    private const string AllowedHeaders = "Authorization, Content-Type, If-Match, If-None-Match";
    private const string ExposedHeaders = "ETag, Link, Location";

    private readonly HashSet<string> _origins = Read(configuration);

    /// <summary>The request's Origin when it is one of the configured origins; else null.</summary>
    public string? AllowedOrigin(HttpContext http)
        => http.Request.Headers.Origin.ToString() is { Length: > 0 } origin && _origins.Contains(origin.TrimEnd('/')) ? origin : null;

    public void AddHeaders(HttpContext http)
    {
        http.Response.Headers.Append(HeaderNames.Vary, "Origin");
        if (AllowedOrigin(http) is { } origin)
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.AccessControlExposeHeaders = ExposedHeaders;
        }
    }

    /// <summary>The answer to a preflight: the methods and headers the API reads, for an allowed origin; nothing for another.</summary>
    public IResult Preflight(HttpContext http)
    {
        http.Response.Headers.Append(HeaderNames.Vary, "Origin");
        if (AllowedOrigin(http) is { } origin)
        {
            var headers = http.Response.Headers;
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = AllowedMethods;
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = "600";
        }

        return Results.NoContent();
    }

    private static HashSet<string> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ConfigurationKey);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return values.Select(v => v.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Adds the CORS headers to every /api/content answer the endpoints make.</summary>
public sealed class ApiCorsFilter(ApiCors cors) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        cors.AddHeaders(context.HttpContext);
        return await next(context);
    }
}
