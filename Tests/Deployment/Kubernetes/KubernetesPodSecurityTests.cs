namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>
/// Every container runs as a non-root user on a read-only root filesystem, without privilege escalation or
/// capabilities, with requests and limits — the "restricted" Pod Security Standard the overlays' namespaces enforce.
/// </summary>
public class KubernetesPodSecurityTests
{
    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_container_runs_non_root_read_only_and_unprivileged(string overlay)
    {
        foreach (var workload in RenderedOverlay.Of(overlay).Workloads)
        {
            var pod = workload.PodSpec.At("securityContext");
            Assert.Equal("RuntimeDefault", pod.Text("seccompProfile", "type"));
            foreach (var container in workload.Containers)
            {
                var where = $"{overlay}: {workload.Name}/{container.Name}";
                var own = container.Node.At("securityContext");
                Assert.True((own.Text("runAsNonRoot") ?? pod.Text("runAsNonRoot")) == "true", $"{where}: runAsNonRoot");
                Assert.NotEqual("0", own.Text("runAsUser") ?? pod.Text("runAsUser"));
                Assert.True(own.Text("allowPrivilegeEscalation") == "false", $"{where}: allowPrivilegeEscalation");
                Assert.True(own.Text("readOnlyRootFilesystem") == "true", $"{where}: readOnlyRootFilesystem");
                Assert.Contains("ALL", own.Items("capabilities", "drop").Select(capability => capability.Text()));
                Assert.Contains(container.Node.Items("volumeMounts"), mount => mount.Text("mountPath") == "/tmp");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_container_has_requests_and_limits(string overlay)
    {
        foreach (var container in RenderedOverlay.Of(overlay).Workloads.SelectMany(workload => workload.Containers))
        {
            foreach (var (bound, resource) in new[] { ("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory") })
            {
                Assert.False(container.Node.Text("resources", bound, resource) is null, $"{container.Workload.Name}/{container.Name}: resources.{bound}.{resource}");
            }
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Every_Deployment_has_one_disruption_budget_that_lets_a_drain_through(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var budgets = rendered.OfKind("PodDisruptionBudget").ToList();
        foreach (var workload in rendered.Workloads.Where(workload => workload.Resource.Text("kind") == "Deployment"))
        {
            var budget = Assert.Single(budgets, budget => workload.IsSelectedBy(budget.Pairs("spec", "selector", "matchLabels")));
            Assert.True(int.Parse(budget.Text("spec", "maxUnavailable") ?? "0") >= 1, $"{workload.Name}: the budget must let one pod go at a time");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Silos_and_public_frontends_scale_with_an_autoscaler(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var targets = rendered.OfKind("HorizontalPodAutoscaler").ToDictionary(hpa => hpa.Text("spec", "scaleTargetRef", "name")!);

        Assert.Equal(["planekeeper-frontend", "planekeeper-silo"], targets.Keys.Order());
        foreach (var (target, hpa) in targets)
        {
            Assert.Equal("Deployment", hpa.Text("spec", "scaleTargetRef", "kind"));
            rendered.Workload(target);
            Assert.InRange(int.Parse(hpa.Text("spec", "minReplicas")!), 1, int.Parse(hpa.Text("spec", "maxReplicas")!));
        }
    }
}
