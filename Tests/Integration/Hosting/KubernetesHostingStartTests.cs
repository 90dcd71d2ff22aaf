using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// <c>PLANEKEEPER_KUBERNETES=true</c> outside a pod, or without the pod's name and namespace, stops the silo at
/// once with one line naming what is missing — before it touches the database — instead of failing or waiting
/// deep inside Orleans' start.
/// </summary>
public class KubernetesHostingStartTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<Dictionary<string, string>, string> Cases => new()
    {
        {
            new() { ["PLANEKEEPER_KUBERNETES"] = "true", ["KUBERNETES_SERVICE_HOST"] = "" },
            "planekeeper-silo: PLANEKEEPER_KUBERNETES is true but KUBERNETES_SERVICE_HOST is not set: this silo does not run in a Kubernetes pod"
        },
        {
            new() { ["PLANEKEEPER_KUBERNETES"] = "true", ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["POD_NAME"] = "", ["POD_NAMESPACE"] = "planekeeper" },
            "planekeeper-silo: PLANEKEEPER_KUBERNETES is true but POD_NAME is not set"
        },
        {
            new() { ["PLANEKEEPER_KUBERNETES"] = "true", ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["POD_NAME"] = "silo-0", ["POD_NAMESPACE"] = "" },
            "planekeeper-silo: PLANEKEEPER_KUBERNETES is true but POD_NAMESPACE is not set"
        },
        {
            new() { ["PLANEKEEPER_KUBERNETES"] = "yes" },
            "planekeeper-silo: PLANEKEEPER_KUBERNETES must be true or false, got 'yes'"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Kubernetes_hosting_without_a_pod_stops_the_silo_with_one_line(Dictionary<string, string> environment, string expected)
    {
        // No database is needed: the check comes first. This one would refuse every connection.
        environment["PG_HOST"] = "127.0.0.1";
        environment["PG_PORT"] = FreePort.Next().ToString();
        environment["PG_USER"] = "nobody";
        environment["PG_DBNAME"] = "nothing";

        await using var silo = ChildProcess.Start(TestEnvironment.SiloDll, environment);

        Assert.Equal(1, await silo.WaitForExitAsync(ExitTimeout));
        Assert.StartsWith(expected, Assert.Single(silo.StandardError));
    }
}
