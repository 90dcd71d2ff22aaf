using Planekeeper.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// Orleans' Kubernetes integration, on when <c>PLANEKEEPER_KUBERNETES=true</c> (docs/deploy.md, "Kubernetes with
/// Kustomize"): the silo is named after its pod, labels the pod with its cluster and service ids, and declares a silo
/// dead as soon as its pod is deleted. Membership stays in PostgreSQL. The package reads the pod's name and namespace
/// from the environment and talks to the API server with the pod's service account; outside a pod it would fail
/// deep inside Orleans' start, so the start checks for them first and names what is missing.
/// </summary>
public static class KubernetesHosting
{
    public const string Setting = "PLANEKEEPER_KUBERNETES";

    /// <summary>Set by the kubelet in every container: without it the silo does not run in a pod.</summary>
    private const string ApiServerVariable = "KUBERNETES_SERVICE_HOST";

    private static readonly string[] PodVariables = ["POD_NAME", "POD_NAMESPACE"];

    /// <returns>Whether the silo runs with the Kubernetes integration; throws when it is asked for outside a pod.</returns>
    public static bool IsOn(IConfiguration configuration, Func<string, string?> environment)
    {
        if (!BooleanSetting.Read(configuration, Setting))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(environment(ApiServerVariable)))
        {
            throw new StartupConfigurationException(
                $"{Setting} is true but {ApiServerVariable} is not set: this silo does not run in a Kubernetes pod (unset {Setting} outside Kubernetes)");
        }

        foreach (var variable in PodVariables)
        {
            if (string.IsNullOrWhiteSpace(environment(variable)))
            {
                throw new StartupConfigurationException(
                    $"{Setting} is true but {variable} is not set: give it the pod's metadata with the downward API (deploy/kubernetes/base/silo-deployment.yaml)");
            }
        }

        return true;
    }
}
