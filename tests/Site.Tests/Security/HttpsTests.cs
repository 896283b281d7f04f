using System.Net;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Security;

/// <summary>The https site behind a TLS proxy at 10.0.0.1 that it is told about.</summary>
public sealed class ProxiedSite : SecuritySite
{
    public const string Proxy = "10.0.0.1";

    public ProxiedSite() => Settings["Cms:ForwardedHeaders:KnownProxies"] = Proxy;
}

/// <summary>
/// Issue 10, point 9: with an https base URL, plain http is redirected to it, HTTPS answers carry HSTS, and
/// every cookie is Secure, also behind a TLS proxy that talks http to the site; X-Forwarded-* are believed
/// only from the configured proxy.
/// </summary>
public sealed class HttpsTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    [Fact]
    public async Task HttpsAnswers_CarryHsts()
    {
        var response = await site.ClientFor().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Cookies_AreSecure_SignInAndAntiforgeryAlike()
    {
        var client = site.ClientFor();

        var form = await client.GetAsync("/login");
        var signedIn = await Browser.SignInAsync(client, SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        Assert.Contains(Cookies(form), c => c.StartsWith("cms_af=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var auth = Assert.Single(Cookies(signedIn), c => c.StartsWith("cms_auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BehindTheKnownTlsProxy_PlainHttpFromIt_IsServed_WithSecureCookies()
    {
        var viaProxy = site.ClientFor("http://news.example", ProxiedSite.Proxy);
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var response = await viaProxy.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Cookies(response), c => c.StartsWith("cms_af=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProto_FromAnyoneElse_IsIgnored()
    {
        var stranger = site.ClientFor("http://news.example", "198.51.100.20");
        stranger.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await stranger.GetAsync("/login");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"{SecuritySite.Origin}/login", response.Headers.Location!.OriginalString);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

/// <summary>An http site (http://localhost) sends no HSTS and leaves cookies as the request's scheme makes them.</summary>
public sealed class PlainHttpTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task HttpSite_SendsNoHsts_AndNoSecureCookies()
    {
        var response = await site.CreateReader().GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
