using System.Net;
using System.Net.Sockets;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The link checker's connection: no proxy, no automatic redirects (the probe follows them itself, to
/// count them and spot loops), and, unless allowed, no connection to the server's own networks. The
/// address is checked after DNS resolution, at connect time, so a name that resolves to 127.0.0.1
/// cannot slip past.
/// </summary>
public static class LinkCheckHttpHandler
{
    public static SocketsHttpHandler Create(bool allowPrivateAddresses) => new()
    {
        // Never through a proxy (HTTP_PROXY and the like): the address checked below must be the source's
        // own, not a proxy's that would then fetch whatever the editor's URL names.
        UseProxy = false,
        Proxy = null,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivateAddresses ? addresses : addresses.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(addresses.Length == 0
                    ? $"{host} has no address."
                    : $"{host} is on a private or local network, which the checker does not visit.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>
    /// True for addresses on the public internet: not loopback, private, link-local, shared (CGNAT),
    /// benchmarking, documentation, multicast, reserved or unspecified. IPv6 must be global unicast
    /// (2000::/3) outside the special ranges, and every IPv6 form that can carry an IPv4 address is judged
    /// by that address or refused: IPv4-mapped and -compatible, IPv4-translated, NAT64 (64:ff9b::/96 by the
    /// IPv4 it carries; the local-use 64:ff9b:1::/48 refused), 6to4 (2002::/16) and Teredo (2001::/32).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 192 && b[1] == 88 && b[2] == 99)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        // NAT64's well-known prefix carries the IPv4 address in its last 32 bits (RFC 6052): judge that.
        if (StartsWith(b, 0x00, 0x64, 0xff, 0x9b) && b[4..12].All(x => x == 0))
        {
            return IsPublic(new IPAddress(b[12..]));
        }

        // Only global unicast; everything else (::/8 with the IPv4-compatible and -translated forms,
        // 64:ff9b:1::/48, 100::/64, fc00::/7, fe80::/10, fec0::/10, ff00::/8) stays out.
        if ((b[0] & 0xE0) != 0x20)
        {
            return false;
        }

        return !(StartsWith(b, 0x20, 0x02)                                   // 6to4: any IPv4 inside
            || StartsWith(b, 0x20, 0x01, 0x00, 0x00)                          // Teredo: any IPv4 inside
            || (StartsWith(b, 0x20, 0x01) && b[2] <= 0x01)                   // 2001::/23 IETF protocol assignments
            || StartsWith(b, 0x20, 0x01, 0x0d, 0xb8)                          // documentation
            || (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xF0) == 0x00));      // 3fff::/20 documentation
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix) => bytes.AsSpan().StartsWith(prefix);
}
