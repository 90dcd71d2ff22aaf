using System.Net;
using System.Net.Sockets;
using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// <c>PLANEKEEPER_ADVERTISED_IP=hostname</c>: the address the machine's own host name resolves to. Docker writes a
/// container's address under its host name in <c>/etc/hosts</c>, so a compose service advertises its container
/// address without knowing it in advance (docs/configuration.md, "Cluster").
/// </summary>
public static class HostNameAddress
{
    public const string Keyword = "hostname";

    /// <summary>The first IPv4 address of the host name, else its first address.</summary>
    public static IPAddress Resolve(string setting, string hostName, Func<string, IPAddress[]> lookup)
    {
        IPAddress[] addresses;
        try
        {
            addresses = lookup(hostName);
        }
        catch (SocketException e)
        {
            throw new StartupConfigurationException($"{setting}={Keyword}: the host name '{hostName}' does not resolve: {e.Message}", e);
        }

        return addresses.FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new StartupConfigurationException($"{setting}={Keyword}: the host name '{hostName}' resolves to no address");
    }
}
