using System.Net;
using System.Net.Sockets;

namespace Planekeeper.WebFrontend.Api;

/// <summary>Under which key a client's attempts are counted (docs/security.md: bootstrap attempts, request limits and sign-in throttles).</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address (also IPv4-mapped IPv6) as itself; an IPv6 address by its /64 network, since one subscriber
    /// usually holds a whole /64 and could otherwise start over with each address.
    /// </summary>
    public static string CountingKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
