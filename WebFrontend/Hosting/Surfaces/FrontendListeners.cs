using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>
/// The roles a frontend plays and the ports it listens on (docs/configuration.md, "Frontend roles"): the public port
/// (<c>PLANEKEEPER_HTTP_PORT</c>, 8080) when it serves the API or the Client UI, and the internal port
/// (<c>PLANEKEEPER_INTERNAL_HTTP_PORT</c>, 8082) when it serves the internal routes, which no other port answers.
/// <see cref="InternalOrigin"/> (<c>PLANEKEEPER_INTERNAL_URL</c>) is where browsers reach the internal port.
/// </summary>
public sealed record FrontendListeners(FrontendRole Roles, int? PublicPort, int? InternalPort, PublicOrigin? InternalOrigin)
{
    public const int DefaultPublicPort = 8080;
    public const int DefaultInternalPort = 8082;
    public const string InternalPortSetting = "PLANEKEEPER_INTERNAL_HTTP_PORT";
    public const string InternalUrlSetting = "PLANEKEEPER_INTERNAL_URL";

    public static FrontendListeners FromConfiguration(IConfiguration configuration)
    {
        var roles = FrontendRoles.Parse(configuration[FrontendRoles.Setting]);
        var publicPort = (roles & (FrontendRole.Api | FrontendRole.ClientUi)) != 0
            ? Port(configuration, "PLANEKEEPER_HTTP_PORT", DefaultPublicPort)
            : (int?)null;
        if (!roles.HasFlag(FrontendRole.InternalUi))
        {
            return new FrontendListeners(roles, publicPort, null, null);
        }

        var internalPort = Port(configuration, InternalPortSetting, DefaultInternalPort);
        if (internalPort == publicPort)
        {
            throw new StartupConfigurationException(
                $"{InternalPortSetting} must differ from PLANEKEEPER_HTTP_PORT ({publicPort}): the internal routes are never served on the public port");
        }

        var url = configuration[InternalUrlSetting]?.Trim() is { Length: > 0 } configured ? configured : $"http://localhost:{internalPort}";
        var origin = PublicOrigin.Parse(url, InternalUrlSetting)
            ?? throw new StartupConfigurationException($"{InternalUrlSetting} must be an http(s) URL such as https://planekeeper-internal.example.com, got '{url}'");
        return new FrontendListeners(roles, publicPort, internalPort, origin);
    }

    /// <summary>Where this frontend's own <c>/health</c> is asked from inside its machine or container (<c>--health-check</c>): every listener answers it.</summary>
    public Uri HealthUrl => new($"http://127.0.0.1:{PublicPort ?? InternalPort}/health");

    /// <summary>Whether a request came in on the internal port.</summary>
    public bool IsInternal(HttpContext context) => InternalPort is { } port && context.Connection.LocalPort == port;

    public IEnumerable<string> Urls() =>
        new[] { PublicPort, InternalPort }.OfType<int>().Select(port => $"http://0.0.0.0:{port}");

    private static int Port(IConfiguration configuration, string setting, int fallback)
    {
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new StartupConfigurationException($"{setting} must be a port number from 1 to 65535, got '{value}'");
    }
}
