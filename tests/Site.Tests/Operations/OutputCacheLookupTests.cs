using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>
/// An anonymous reader's page is looked up in the output cache once a request: before routing (where a hit is
/// answered); a miss there is rendered and stored by the output cache after authorization without asking the store
/// again (with Redis that was a second round trip on every miss). A request the early lookup leaves alone (a sign-in
/// cookie that may be stale) is looked up once, after authentication.
/// </summary>
public sealed class OutputCacheLookupTests
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";

    [Fact]
    public async Task AMiss_IsLookedUpOnce_ThenStored_AndTheNextRequestIsAHit()
    {
        await using var site = new OutputCacheLoggedSite();
        var reader = site.CreateReader();
        await reader.GetAsync("/"); // the site's first request, out of the count
        site.Logs.Clear();

        var miss = await reader.GetAsync($"{SeedPath}?nocache=once");
        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal(["NoResponseServed", "ResponseCached"], site.Events("NoResponseServed", "ResponseCached", "CachedResponseServed"));

        site.Logs.Clear();
        var hit = await reader.GetAsync($"{SeedPath}?nocache=once");
        Assert.NotNull(hit.Headers.Age);
        Assert.Equal(["CachedResponseServed"], site.Events("NoResponseServed", "ResponseCached", "CachedResponseServed"));
    }

    [Fact]
    public async Task AStaleSignInCookie_IsLookedUpOnce_AfterAuthentication()
    {
        await using var site = new OutputCacheLoggedSite();
        var reader = site.CreateReader();
        await reader.GetAsync($"{SeedPath}?nocache=stale");
        site.Logs.Clear();

        var request = new HttpRequestMessage(HttpMethod.Get, $"{SeedPath}?nocache=stale");
        request.Headers.Add("Cookie", "cms_auth=not-a-ticket");
        var page = await reader.SendAsync(request);

        Assert.NotNull(page.Headers.Age);
        Assert.Equal(["CachedResponseServed"], site.Events("NoResponseServed", "CachedResponseServed"));
    }
}
