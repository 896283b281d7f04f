using System.Net;
using Cms.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>A probe uses the node's own address, often over plain http; pages by that name still get 400.</summary>
    [Fact]
    public async Task Probes_ByTheNodesAddress_AreAnswered_WhilePagesByItAreNot()
    {
        using var probe = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.5:5000"), AllowAutoRedirect = false });
        foreach (var path in new[] { HealthChecks.LivePath, HealthChecks.ReadyPath })
        {
            var response = await probe.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await probe.GetAsync("/")).StatusCode);
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
