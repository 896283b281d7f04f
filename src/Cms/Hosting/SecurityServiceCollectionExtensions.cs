using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Hosting;

/// <summary>
/// The defences of a public site: the site's own host only, HTTPS and Secure cookies when the base URL
/// is https, the client address from a known proxy only, rate limits, and Data Protection keys
/// encrypted at rest when a certificate is configured. See security.md.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string ForwardedHeadersSection = "Cms:ForwardedHeaders";

    public static IServiceCollection AddCmsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PublicOrigin>();

        // Every cookie (sign-in, antiforgery, notices) is Secure when the site's address is https,
        // whatever scheme the request reached this process with (a TLS proxy in front speaks http).
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.OnAppendCookie = context => context.CookieOptions.Secure |= IsHttpsSite(context.Context);
            options.OnDeleteCookie = context => context.CookieOptions.Secure |= IsHttpsSite(context.Context);
        });

        // Sent to sign-in at the site's own address (or a relative one): the Location header never repeats the request's Host.
        services.ConfigureApplicationCookie(options => options.Events.OnRedirectToLogin = context =>
        {
            var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
            var origin = context.HttpContext.RequestServices.GetRequiredService<PublicOrigin>().Current?.GetLeftPart(UriPartial.Authority);
            context.Response.Redirect(origin + target);
            return Task.CompletedTask;
        });

        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, configuration.GetSection(ForwardedHeadersSection)));
        services.AddCmsRateLimits(configuration);
        services.AddCmsDataProtectionCertificate(configuration);
        return services;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in
    /// Cms__ForwardedHeaders__KnownProxies (addresses) or __KnownNetworks (CIDR), separated by ';'.
    /// With neither, the headers are ignored: the client is the connection's peer.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in List(section["KnownProxies"]))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in List(section["KnownNetworks"]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        }

        if (int.TryParse(section["ForwardLimit"], out var limit) && limit > 0)
        {
            options.ForwardLimit = limit;
        }
    }

    public static bool HasKnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(ForwardedHeadersSection);
        return List(section["KnownProxies"]).Any() || List(section["KnownNetworks"]).Any();
    }

    private static bool IsHttpsSite(HttpContext context) => context.RequestServices.GetRequiredService<PublicOrigin>().IsHttps;

    private static IEnumerable<string> List(string? value) => (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
