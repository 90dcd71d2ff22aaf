using Microsoft.Extensions.Hosting;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>
/// The silo pods are set up for Orleans' Kubernetes hosting (PLANEKEEPER_KUBERNETES, docs/deploy.md): their
/// orleans/* labels equal the cluster and service ids the silo uses, the downward API gives their name, namespace and
/// address, their service account may read, watch and label pods, and they have time for a graceful stop.
/// </summary>
public class KubernetesSiloHostingTests
{
    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_silo_pods_orleans_labels_match_the_cluster_settings(string overlay)
    {
        var silos = RenderedOverlay.Of(overlay).Workload("planekeeper-silo");
        var silo = silos.Container("silo");

        Assert.Equal(silo.Value("PLANEKEEPER_CLUSTER_ID") ?? "planekeeper", silos.PodLabels["orleans/clusterId"]);
        Assert.Equal(silo.Value("PLANEKEEPER_SERVICE_ID") ?? "planekeeper", silos.PodLabels["orleans/serviceId"]);
        // The silo patches these labels itself: in the selector a changed id would orphan its pods.
        Assert.DoesNotContain(silos.Resource.Pairs("spec", "selector", "matchLabels").Keys, label => label.StartsWith("orleans/"));
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_silo_knows_its_pod_from_the_downward_API(string overlay)
    {
        var silo = RenderedOverlay.Of(overlay).Workload("planekeeper-silo").Container("silo");

        Assert.Equal("true", silo.Value("PLANEKEEPER_KUBERNETES"));
        Assert.Equal("metadata.name", silo.ValueFrom("POD_NAME").Text("fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", silo.ValueFrom("POD_NAMESPACE").Text("fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", silo.ValueFrom("PLANEKEEPER_ADVERTISED_IP").Text("fieldRef", "fieldPath"));
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Only_the_silo_may_read_watch_and_label_pods(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var silos = rendered.Workload("planekeeper-silo");
        var account = silos.PodSpec.Text("serviceAccountName")!;
        var binding = Assert.Single(rendered.OfKind("RoleBinding"));
        var subject = Assert.Single(binding.Items("subjects"));
        Assert.Equal(account, subject.Text("name"));
        Assert.Equal(rendered.Single("ServiceAccount", account).Text("metadata", "namespace"), subject.Text("namespace"));
        Assert.NotEqual("false", silos.PodSpec.Text("automountServiceAccountToken"));

        var rule = Assert.Single(rendered.Single("Role", binding.Text("roleRef", "name")!).Items("rules"));
        Assert.Equal(["pods"], rule.Items("resources").Select(resource => resource.Text()));
        Assert.Equal(["get", "list", "patch", "watch"], rule.Items("verbs").Select(verb => verb.Text()).Order());

        foreach (var other in rendered.Workloads.Where(workload => workload.Name != silos.Name))
        {
            Assert.True(other.PodSpec.Text("automountServiceAccountToken") == "false", $"{other.Name} mounts an API token it does not need");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void A_stopping_silo_has_longer_than_the_host_shutdown_to_hand_its_grains_over(string overlay)
    {
        var grace = int.Parse(RenderedOverlay.Of(overlay).Workload("planekeeper-silo").PodSpec.Text("terminationGracePeriodSeconds")!);

        Assert.True(TimeSpan.FromSeconds(grace) > new HostOptions().ShutdownTimeout, $"terminationGracePeriodSeconds {grace}");
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_production_silo_reads_the_key_ring_certificate_from_a_Secret(string overlay)
    {
        var silos = RenderedOverlay.Of(overlay).Workload("planekeeper-silo");
        var silo = silos.Container("silo");
        if (overlay == "dev")
        {
            Assert.Equal("true", silo.Value("DATA_PROTECTION_ALLOW_UNENCRYPTED"));
            Assert.Null(silo.Value("DATA_PROTECTION_CERTIFICATE_PATH"));
            return;
        }

        Assert.Null(silo.Value("DATA_PROTECTION_ALLOW_UNENCRYPTED"));
        var path = silo.Value("DATA_PROTECTION_CERTIFICATE_PATH")!;
        var mount = Assert.Single(silo.Node.Items("volumeMounts"), mount => path.StartsWith(mount.Text("mountPath") + "/"));
        var volume = Assert.Single(silos.PodSpec.Items("volumes"), volume => volume.Text("name") == mount.Text("name"));
        Assert.Equal(Path.GetFileName(path), Assert.Single(volume.Items("secret", "items")).Text("path"));
        Assert.NotNull(silo.ValueFrom("DATA_PROTECTION_CERTIFICATE_PASSWORD").At("secretKeyRef"));
    }
}
