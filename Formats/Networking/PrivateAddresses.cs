using System.Net;
using System.Net.Sockets;

namespace Planekeeper.Networking;

/// <summary>
/// Addresses that are not public. A server agent (unless <c>AGENT_ALLOW_PRIVATE_URLS=true</c>) and notification
/// deliveries (unless <c>NOTIFICATION_ALLOW_PRIVATE_URLS=true</c>) never connect to them: one definition for both.
/// The table and the choices behind it are in docs/security.md ("Addresses a tenant chooses").
/// </summary>
/// <remarks>
/// IPv4: every address except the special-purpose ranges below. IPv6: global unicast (<c>2000::/3</c>) only, minus
/// its special ranges; IPv4-mapped addresses are judged as the IPv4 address, and the translation forms that carry an
/// IPv4 address (NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>, Teredo <c>2001::/32</c>) by the address they carry.
/// </remarks>
public static class PrivateAddresses
{
    private static readonly IPNetwork[] NotPublicV4 = Networks(
        "0.0.0.0/8",          // "this network"
        "10.0.0.0/8",         // private
        "100.64.0.0/10",      // carrier-grade NAT
        "127.0.0.0/8",        // loopback
        "169.254.0.0/16",     // link-local (cloud metadata services)
        "172.16.0.0/12",      // private
        "192.0.0.0/24",       // IETF protocol assignments
        "192.0.2.0/24",       // documentation
        "192.168.0.0/16",     // private
        "198.18.0.0/15",      // benchmarking
        "198.51.100.0/24",    // documentation
        "203.0.113.0/24",     // documentation
        "224.0.0.0/4",        // multicast
        "240.0.0.0/4");       // reserved, with 255.255.255.255 (broadcast)

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] NotPublicV6 = Networks(
        "64:ff9b:1::/48",     // local-use NAT64: what it translates to is the local network's choice
        "2001:db8::/32");     // documentation

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPrivate(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => NotPublicV4.Any(network => network.Contains(address)),
            AddressFamily.InterNetworkV6 => IsPrivateV6(address),
            _ => true,
        };
    }

    private static bool IsPrivateV6(IPAddress address)
    {
        var embedded = EmbeddedIPv4(address);
        if (embedded.Length > 0)
        {
            return embedded.Any(IsPrivate);
        }

        return !GlobalUnicastV6.Contains(address) || NotPublicV6.Any(network => network.Contains(address));
    }

    /// <summary>The IPv4 addresses a translation form leads to: NAT64's last 32 bits, 6to4's bits 16–47, Teredo's server and (inverted) client.</summary>
    private static IPAddress[] EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return [new IPAddress(bytes[12..16])];
        }

        if (SixToFour.Contains(address))
        {
            return [new IPAddress(bytes[2..6])];
        }

        if (Teredo.Contains(address))
        {
            var client = bytes[12..16].Select(b => (byte)~b).ToArray();
            return [new IPAddress(bytes[4..8]), new IPAddress(client)];
        }

        return [];
    }

    private static IPNetwork[] Networks(params string[] prefixes) => prefixes.Select(IPNetwork.Parse).ToArray();
}
