using System.Net;
using Modules.NewsCommentary.Services;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 8: the link checker never goes through a proxy (which would put the proxy's address in
/// place of the source's), and refuses every IPv6 form that can carry a private IPv4 address.
/// </summary>
public sealed class LinkCheckerAddressTests
{
    [Fact]
    public void Handler_NeverUsesAProxy_EvenWhenTheEnvironmentNamesOne()
    {
        // With UseProxy on and no Proxy of its own, a handler takes HTTP_PROXY/HTTPS_PROXY from the
        // environment, and the connect-time address check would then see only the proxy's address.
        using var handler = LinkCheckHttpHandler.Create(allowPrivateAddresses: false);

        Assert.False(handler.UseProxy);
        Assert.Null(handler.Proxy);
    }

    [Theory]
    // NAT64 well-known prefix, carrying loopback, private, link-local (metadata) and CGNAT addresses
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::c0a8:101")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::6440:1")]
    // NAT64 local-use prefix (RFC 8215), whatever it carries
    [InlineData("64:ff9b:1::a00:1")]
    [InlineData("64:ff9b:1::5db8:d70e")]
    // 6to4 carrying 127.0.0.1, 10.0.0.1, 169.254.169.254, and even a public one
    [InlineData("2002:7f00:1::")]
    [InlineData("2002:a00:1::1")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("2002:5db8:d70e::1")]
    // Teredo (server and client addresses inside)
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe")]
    [InlineData("2001:0:a00:1::1")]
    // IPv4-mapped, IPv4-compatible, IPv4-translated
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:0:a00:1")]
    [InlineData("::ffff:0:7f00:1")]
    // other special IPv6: unspecified, loopback, discard, ULA, link-local, site-local, multicast, documentation, ORCHID
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("100::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("3fff::1")]
    [InlineData("2001:20::1")]
    public void IPv6Prefixes_ThatCanCarryAPrivateAddress_OrAreNotGlobal_AreRefused(string address)
        => Assert.False(LinkCheckHttpHandler.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("64:ff9b::5db8:d70e")]        // NAT64 of 93.184.215.14, as DNS64 gives an IPv6-only host
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("2a00:1450:4001:82a::200e")]
    [InlineData("93.184.215.14")]
    public void PublicAddresses_AreAllowed(string address)
        => Assert.True(LinkCheckHttpHandler.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("198.51.100.1")]
    [InlineData("203.0.113.1")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.0.1")]
    [InlineData("192.88.99.1")]
    [InlineData("255.255.255.255")]
    public void SpecialIPv4Ranges_AreRefused(string address)
        => Assert.False(LinkCheckHttpHandler.IsPublic(IPAddress.Parse(address)));
}
