namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>
/// The NetworkPolicies leave open exactly the paths docs/operations.md ("Ports, and which must never be public")
/// allows: the gateway to the frontends, the silo port to the silos, PostgreSQL to silos and frontends, the health
/// and internal ports to monitoring, the public port to the ingress controller and the server agent — and nothing else.
/// </summary>
public class KubernetesNetworkPolicyTests
{
    /// <summary>(component, port name) → who may connect; every port not listed accepts no one.</summary>
    private static readonly Dictionary<(string Component, string Port), string[]> Allowed = new()
    {
        [("silo", "gateway")] = ["pod:frontend", "pod:internal-frontend"],
        [("silo", "silo")] = ["pod:silo"],
        [("silo", "health")] = ["namespace:monitoring"],
        [("frontend", "http")] = ["namespace:ingress-nginx", "pod:agent"],
        [("internal-frontend", "internal")] = ["namespace:monitoring"],
        [("postgres", "postgres")] = ["pod:frontend", "pod:internal-frontend", "pod:silo"],
    };

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_pod_accepts_only_the_connections_it_needs(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var rules = new NetworkPolicyRules(rendered);

        foreach (var workload in rendered.Workloads)
        {
            Assert.True(rules.IsIsolated(workload), $"{workload.Name}: no NetworkPolicy selects its pods");
            foreach (var port in workload.Containers.SelectMany(container => container.Ports.Keys))
            {
                var expected = Allowed.GetValueOrDefault((workload.Component!, port), []);
                Assert.True(
                    expected.Order().SequenceEqual(rules.AllowedPeers(workload, port).Order()),
                    $"{overlay}: port {port} of {workload.Name} is open to [{string.Join(", ", rules.AllowedPeers(workload, port).Order())}], expected [{string.Join(", ", expected)}]");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_protected_port_exists_on_the_pods_it_protects(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var ports = rendered.Workloads.ToDictionary(workload => workload.Component!, workload => workload.Containers.SelectMany(c => c.Ports.Keys).ToHashSet());

        foreach (var ((component, port), _) in Allowed.Where(rule => rendered.Workloads.Any(w => w.Component == rule.Key.Component)))
        {
            Assert.Contains(port, ports[component]);
        }
    }
}
