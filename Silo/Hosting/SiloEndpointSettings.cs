using System.Net;
using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// The ports one silo listens on. Distinct values let several silos share a machine.
/// <see cref="AdvertisedAddress"/> is what other silos and clients dial; when it is not set,
/// Orleans picks this host's address. The silo, gateway and health ports are bound to
/// <see cref="ListenAddress"/> (by default the advertised address), never to every interface unless
/// <c>PLANEKEEPER_LISTEN_IP=0.0.0.0</c> asks for it: the gateway trusts whoever connects (docs/operations.md).
/// </summary>
public sealed record SiloEndpointSettings(int SiloPort, int GatewayPort, int HealthPort, IPAddress? AdvertisedAddress, IPAddress? ListenAddress = null)
{
    public const string AdvertisedAddressSetting = "PLANEKEEPER_ADVERTISED_IP";

    public static SiloEndpointSettings FromConfiguration(IConfiguration configuration) => new(
        Port(configuration, "PLANEKEEPER_SILO_PORT", 11111),
        Port(configuration, "PLANEKEEPER_GATEWAY_PORT", 30000),
        Port(configuration, "PLANEKEEPER_SILO_HEALTH_PORT", 8081),
        Advertised(configuration),
        Address(configuration, "PLANEKEEPER_LISTEN_IP", "an IP address"));

    /// <summary>Where the health port listens: the listen address, else the advertised one, else every interface.</summary>
    public IPAddress HealthAddress => ListenAddress ?? AdvertisedAddress ?? IPAddress.Any;

    /// <summary>Where this silo's own <c>/health</c> is asked from inside its machine or container (<c>--health-check</c>).</summary>
    public Uri HealthUrl
    {
        get
        {
            var address = HealthAddress.Equals(IPAddress.Any) ? IPAddress.Loopback
                : HealthAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
                : HealthAddress;
            return new Uri($"http://{new IPEndPoint(address, HealthPort)}/health");
        }
    }

    private static int Port(IConfiguration configuration, string key, int defaultPort)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultPort;
        }

        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new StartupConfigurationException($"{key} must be a port number from 1 to 65535, got '{value}'");
    }

    /// <summary><c>hostname</c> stands for the address this machine's host name resolves to: a container's own.</summary>
    private static IPAddress? Advertised(IConfiguration configuration) =>
        configuration[AdvertisedAddressSetting]?.Trim() == HostNameAddress.Keyword
            ? HostNameAddress.Resolve(AdvertisedAddressSetting, Dns.GetHostName(), Dns.GetHostAddresses)
            : Address(configuration, AdvertisedAddressSetting, $"an IP address or {HostNameAddress.Keyword}");

    private static IPAddress? Address(IConfiguration configuration, string key, string expected)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return IPAddress.TryParse(value, out var address)
            ? address
            : throw new StartupConfigurationException($"{key} must be {expected}, got '{value}'");
    }
}
