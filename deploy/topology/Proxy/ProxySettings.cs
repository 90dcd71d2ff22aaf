namespace Planekeeper.TopologyProxy;

/// <summary>
/// <c>PROXY_PORT</c> (default 8080), <c>PROXY_LISTEN_ADDRESS</c> (default 127.0.0.1) and <c>PROXY_DESTINATIONS</c>: the
/// public frontends' base addresses, comma-separated (<c>http://127.0.0.1:8090,http://127.0.0.1:8091</c>).
/// </summary>
public sealed record ProxySettings(string ListenAddress, int Port, IReadOnlyList<Uri> Destinations)
{
    public static ProxySettings FromConfiguration(IConfiguration configuration)
    {
        var destinations = (configuration["PROXY_DESTINATIONS"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"PROXY_DESTINATIONS: '{value}' is not an address"))
            .ToList();
        if (destinations.Count == 0)
        {
            throw new InvalidOperationException("PROXY_DESTINATIONS must name at least one public frontend, e.g. http://127.0.0.1:8090");
        }

        var port = int.TryParse(configuration["PROXY_PORT"], out var configured) ? configured : 8080;
        return new ProxySettings(configuration["PROXY_LISTEN_ADDRESS"] ?? "127.0.0.1", port, destinations);
    }
}
