using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>The probe as the site configures it, outside a site: the private-address guard and the redirect limit.</summary>
public sealed class LinkProbeTests : IAsyncLifetime
{
    private SourceServer _sources = null!;

    public async Task InitializeAsync() => _sources = await SourceServer.StartAsync();

    public async Task DisposeAsync() => await _sources.DisposeAsync();

    [Fact]
    public async Task Probe_DoesNotConnectToLoopback_UnlessPrivateAddressesAreAllowed()
    {
        var m = LinkHealthSite.Marker();

        var refused = await ProbeAsync(new LinkCheckOptions(), _sources.Url("/ok", m));
        Assert.Equal(LinkOutcome.Unreachable, refused.Outcome);
        Assert.StartsWith("127.0.0.1 is on a private or local network, which the checker does not visit.", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_sources.RequestsFor(m));

        var allowed = await ProbeAsync(new LinkCheckOptions { AllowPrivateAddresses = true }, _sources.Url("/ok", m));
        Assert.Equal(LinkOutcome.Ok, allowed.Outcome);
        Assert.Single(_sources.RequestsFor(m));
    }

    [Fact]
    public async Task Probe_StopsAfterTheRedirectLimit()
    {
        var result = await ProbeAsync(new LinkCheckOptions { AllowPrivateAddresses = true, MaxRedirects = 0 }, _sources.Url("/moved", LinkHealthSite.Marker()));

        Assert.Equal((LinkOutcome.TooManyRedirects, 301), (result.Outcome, result.StatusCode));
        Assert.Equal("More than 0 redirects.", result.Message);
    }

    [Fact]
    public async Task Probe_ReportsAConnectionThatFails_AsUnreachable()
    {
        var port = _sources.BaseUrl[(_sources.BaseUrl.LastIndexOf(':') + 1)..];
        await _sources.DisposeAsync();

        var result = await ProbeAsync(new LinkCheckOptions { AllowPrivateAddresses = true }, $"http://127.0.0.1:{port}/ok");

        Assert.Equal(LinkOutcome.Unreachable, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Contains("refused", result.Message, StringComparison.OrdinalIgnoreCase);
        _sources = await SourceServer.StartAsync();
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    public void IsPublic_TellsThePublicInternetFromTheServersOwnNetworks(string address, bool expected)
        => Assert.Equal(expected, LinkCheckHttpHandler.IsPublic(IPAddress.Parse(address)));

    private static async Task<ProbeResult> ProbeAsync(LinkCheckOptions options, string url)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddHttpClient(LinkProbe.ClientName).ConfigurePrimaryHttpMessageHandler(() => LinkCheckHttpHandler.Create(options.AllowPrivateAddresses));
        services.AddSingleton<LinkProbe>();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<LinkProbe>().ProbeAsync(url, "test", CancellationToken.None);
    }
}
