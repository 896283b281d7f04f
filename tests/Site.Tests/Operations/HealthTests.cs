using System.Net;
using Cms.Hosting;
using Site.Tests.Infrastructure;

namespace Site.Tests.Operations;

/// <summary>Issue 13, point 5: /health/live and /health/ready, uncached, saying nothing but Healthy or Unhealthy.</summary>
public sealed class HealthTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Ready_IsHealthy_OnASetUpSite_AndNeverCached()
    {
        using var client = site.CreateReader();
        foreach (var path in new[] { HealthChecks.LivePath, HealthChecks.ReadyPath })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Null(response.Headers.Age);
        }
    }

    [Fact]
    public async Task Unset_IsLive_ButNotReady_AndSaysNoMore()
    {
        using var unset = new UnsetSiteFactory();
        using var client = unset.CreateReader();
        var live = await client.GetAsync(HealthChecks.LivePath);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync(HealthChecks.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
