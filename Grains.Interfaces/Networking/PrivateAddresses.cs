using System.Net;

namespace Planekeeper.Networking;

/// <summary>
/// Addresses that are not public: loopback, unspecified, private, link-local, carrier-grade NAT and unique-local
/// ranges, in IPv4 and IPv6 forms (IPv4-mapped IPv6 included). A server agent (unless
/// <c>AGENT_ALLOW_PRIVATE_URLS=true</c>) and notification deliveries (unless <c>NOTIFICATION_ALLOW_PRIVATE_URLS=true</c>)
/// never connect to them: one definition for both, as SPEC §1 asks.
/// </summary>
public static class PrivateAddresses
{
    private static readonly (IPAddress Network, int PrefixLength)[] Ranges =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
    ];

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return Ranges.Any(range => range.Network.AddressFamily == address.AddressFamily && InRange(address, range.Network, range.PrefixLength));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        var networkBytes = network.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((bytes[bit / 8] & mask) != (networkBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
