using Microsoft.Extensions.Configuration;

namespace Planekeeper.Configuration;

/// <summary>
/// The identity of the Orleans cluster. Silos and clients with the same ids find each other
/// through the membership table; a second deployment on the same database picks other ids.
/// </summary>
public sealed record ClusterSettings(string ClusterId, string ServiceId)
{
    public static ClusterSettings FromConfiguration(IConfiguration configuration) => new(
        configuration["PLANEKEEPER_CLUSTER_ID"] is { Length: > 0 } clusterId ? clusterId : "planekeeper",
        configuration["PLANEKEEPER_SERVICE_ID"] is { Length: > 0 } serviceId ? serviceId : "planekeeper");
}
