using System.Net;
using System.Net.Http.Headers;
using Cms.Display;
using Microsoft.AspNetCore.Http;
using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>
/// A cached page is answered before routing and authentication (issue 12 point 6), and still only to a request that
/// would have been given it after them: never to another host name or over plain http, never to a member, always
/// with the security headers; a request the early lookup leaves alone (a stale sign-in cookie) still gets the page
/// from the output cache after authorization, as before.
/// </summary>
public sealed class CachedPageOrderTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";

    [Fact]
    public async Task ACachedPage_IsRefusedToAnotherHostName()
    {
        await CachedAsync(SeedPath);

        var forged = await site.ClientFor("https://evil.example").GetAsync(SeedPath);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Age);
        Assert.Equal("Bad request: this site does not answer to that host name.", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedPage_OverPlainHttp_IsRedirectedToTheBaseUrl()
    {
        await CachedAsync(SeedPath);

        var plain = await site.ClientFor("http://news.example").GetAsync(SeedPath);

        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal($"{SecuritySite.Origin}{SeedPath}", plain.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AHit_CarriesTheSecurityHeaders_AndHsts()
    {
        var hit = await CachedAsync("/archive");

        Assert.NotNull(hit.Headers.Age);
        Assert.Contains("frame-ancestors 'none'", hit.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", hit.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", hit.Headers.GetValues("X-Frame-Options").Single());
        Assert.StartsWith("max-age=", hit.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(hit.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AMember_IsNeverGivenTheCachedPage()
    {
        await CachedAsync(SeedPath);
        var name = Modules.Users.Browser.NewName("cachedmember");
        await Accounts.EnsureUserAsync(site, name, Cms.Security.StandardRoles.Member);
        var member = await site.SignedInAsync(name, Accounts.Password);

        var page = await member.GetAsync(SeedPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.Age);
        Assert.Contains("Sign out", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleSignInCookie_IsStillServedTheCachedPage_AfterAuthentication()
    {
        await CachedAsync(SeedPath);
        var client = site.ClientFor();
        client.DefaultRequestHeaders.Add("Cookie", "cms_auth=not-a-ticket");

        var page = await client.GetAsync(SeedPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Headers.Age);
        Assert.DoesNotContain("Sign out", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeadRequest_IsNotGivenTheCachedGetPage_ButTheAnswerItGotBefore()
    {
        // The pages' actions take GET only: HEAD is answered 405 by routing, before and after its GET is cached
        // (the cache key holds the method, so the early lookup never finds the GET's entry for it).
        await CachedAsync("/tags");
        var client = site.ClientFor();

        var first = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tags"));
        var second = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tags"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, first.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task AConditionalRequest_ForAnUnchangedCachedPage_Gets304()
    {
        var hit = await CachedAsync("/archive");
        var request = new HttpRequestMessage(HttpMethod.Get, "/archive");
        request.Headers.IfModifiedSince = hit.Headers.Date!.Value.AddMinutes(1);

        var conditional = await site.ClientFor().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
    }

    [Fact]
    public async Task OnlyIfCached_OnAPageNeverCached_GetsThePage_NotA504()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.CacheControl = new CacheControlHeaderValue { OnlyIfCached = true };

        var login = await site.ClientFor().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task AnAdminPage_IsNotAnsweredByTheLookup_ButChallengedAsBefore()
    {
        var admin = await site.ClientFor().GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/login", admin.Headers.Location?.OriginalString.Replace(SecuritySite.Origin, ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", null, null, null, true)]
    [InlineData("HEAD", null, null, null, true)]
    [InlineData("POST", null, null, null, false)]
    [InlineData("GET", "cms_auth=x", null, null, false)]
    [InlineData("GET", "cms_af=x; other=y", null, null, true)]
    [InlineData("GET", null, "Bearer token", null, false)]
    [InlineData("GET", null, null, "only-if-cached", false)]
    [InlineData("GET", null, null, "no-cache", true)]
    public void OnlyAnAnonymousGetOrHead_IsLookedUpBeforeRouting(string method, string? cookie, string? authorization, string? cacheControl, bool lookedUp)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (cacheControl is not null)
        {
            context.Request.Headers.CacheControl = cacheControl;
        }

        Assert.Equal(lookedUp, CachedPagesBeforeRouting.MayOnlyGetTheCachedPage(context.Request, "cms_auth"));
    }

    /// <summary>The page cached (a first request), then asked again: the second answer, from the cache.</summary>
    private async Task<HttpResponseMessage> CachedAsync(string path)
    {
        var client = site.ClientFor();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var hit = await client.GetAsync(path);
        Assert.NotNull(hit.Headers.Age);
        return hit;
    }
}
