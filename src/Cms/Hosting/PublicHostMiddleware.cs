using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Configuration;

namespace Cms.Hosting;

/// <summary>
/// Answers only for the site's own host: a request whose Host is neither the base URL's host nor one
/// of Cms__AllowedHosts gets 400, before any page, cache or cookie is touched. When the base URL is
/// https, plain http requests are redirected to it and HTTPS responses carry HSTS. The redirect is made
/// from the base URL, never from the request's Host.
/// </summary>
public sealed class PublicHostMiddleware(RequestDelegate next, PublicOrigin origin, IConfiguration configuration)
{
    private readonly string _hsts = HstsValue(configuration);

    public async Task InvokeAsync(HttpContext context)
    {
        var baseUrl = await origin.GetAsync(context.RequestServices);
        if ((baseUrl is not null || origin.ExtraHosts.Count > 0)
            && !origin.Allows(context.Request.Host.Host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Bad request: this site does not answer to that host name.");
            return;
        }

        if (baseUrl is null)
        {
            await next(context);
            return;
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttps)
        {
            if (!context.Request.IsHttps)
            {
                var target = baseUrl.GetLeftPart(UriPartial.Authority)
                    + UriHelper.BuildRelative(context.Request.PathBase, context.Request.Path, context.Request.QueryString);
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = target;
                return;
            }

            context.Response.Headers.StrictTransportSecurity = _hsts;
        }

        await next(context);
    }

    /// <summary>A year, subdomains included (OWASP ASVS 14.4.5); Cms__Hsts__MaxAgeDays and Cms__Hsts__IncludeSubDomains change it.</summary>
    private static string HstsValue(IConfiguration configuration)
    {
        var days = int.TryParse(configuration["Cms:Hsts:MaxAgeDays"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 365;
        var subdomains = !bool.TryParse(configuration["Cms:Hsts:IncludeSubDomains"], out var include) || include;
        var seconds = (long)TimeSpan.FromDays(days).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"max-age={seconds}{(subdomains ? "; includeSubDomains" : "")}");
    }
}
