using Yarp.ReverseProxy.Configuration;

namespace Planekeeper.TopologyProxy;

/// <summary>
/// Everything to the public frontends, round robin. A frontend that stops is taken out of the rotation by the active
/// check of its <c>/ready</c> every second and, sooner, by the passive check of failed requests; it comes back when
/// <c>/ready</c> answers 200 again (docs/deploy.md, "The production topology as processes").
/// </summary>
public static class PublicRoute
{
    private const string ClusterId = "public-frontends";

    public static readonly RouteConfig Route = new()
    {
        RouteId = "everything",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**path}" },
    };

    public static ClusterConfig Cluster(IReadOnlyList<Uri> destinations) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = "RoundRobin",
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(1), Path = "/ready", Policy = "ConsecutiveFailures" },
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(2) },
            AvailableDestinationsPolicy = "HealthyOrPanic",
        },
        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(60) },
        Destinations = destinations.Select((uri, i) => (uri, i)).ToDictionary(pair => $"frontend-{pair.i + 1}", pair => new DestinationConfig { Address = pair.uri.ToString() }),
    };
}
