using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15, point 6: cross-origin use only from the origins configured in Cms:Api:CorsOrigins.</summary>
public sealed class ContentApiCorsTests(ContentApiCorsTests.CorsSite site) : IClassFixture<ContentApiCorsTests.CorsSite>
{
    public sealed class CorsSite : SiteFactory
    {
        public CorsSite() => Settings["Cms:Api:CorsOrigins"] = "https://reader.example";
    }

    [Theory]
    [InlineData("https://reader.example", "https://reader.example")]
    [InlineData("https://elsewhere.example", null)]
    public async Task Reads_CarryTheOriginHeader_OnlyForAConfiguredOrigin_CachedOrNot(string origin, string? allowed)
    {
        var reader = site.CreateReader();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/content/" + ApiClients.SeedId);
            request.Headers.Add("Origin", origin);
            var response = await reader.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null);
        }
    }

    [Theory]
    [InlineData("https://reader.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Preflight_AllowsTheTokenHeader_OnlyForAConfiguredOrigin(string origin, bool allowed)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/content/" + ApiClients.SeedId);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, if-match");

        var response = await site.CreateReader().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Headers", out var headers) && headers.Single().Contains("If-Match", StringComparison.Ordinal));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task WithoutConfiguration_NoOriginIsAllowed()
    {
        using var plain = new SiteFactory();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/content/" + ApiClients.SeedId);
        request.Headers.Add("Origin", "https://reader.example");

        var response = await plain.CreateReader().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
