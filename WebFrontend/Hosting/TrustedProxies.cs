using System.Net;
using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// <c>PLANEKEEPER_TRUSTED_PROXIES</c>: comma-separated addresses or CIDR networks of the proxies whose
/// <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c>/<c>-Prefix</c> the frontend believes (docs/security.md, "Response headers and proxies").
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "PLANEKEEPER_TRUSTED_PROXIES";
    public const string ReplacedSetting = "PLANEKEEPER_TRUST_FORWARDED_HEADERS";

    public static IReadOnlyList<IPNetwork> FromConfiguration(IConfiguration configuration)
    {
        // The old switch trusted every client; keeping it silently would hand that trust to anyone who can reach the port.
        if (bool.TryParse(configuration[ReplacedSetting], out var oldSwitch) && oldSwitch)
        {
            throw new StartupConfigurationException(
                $"{ReplacedSetting} was replaced by {Setting}: list the proxy's addresses or networks instead (e.g. {Setting}=10.0.0.0/8)");
        }

        return Parse(configuration[Setting]);
    }

    public static IReadOnlyList<IPNetwork> Parse(string? value)
    {
        var networks = new List<IPNetwork>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            networks.Add(ParseOne(part));
        }

        return networks;
    }

    private static IPNetwork ParseOne(string part)
    {
        if (IPAddress.TryParse(part, out var address) && !part.Contains('/'))
        {
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }

        return IPNetwork.TryParse(part, out var network)
            ? network
            : throw new StartupConfigurationException($"{Setting} must be comma-separated IP addresses or CIDR networks (10.0.0.0/8), got '{part}'");
    }
}
