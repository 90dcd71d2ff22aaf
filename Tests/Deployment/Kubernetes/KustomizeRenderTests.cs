namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>Both overlays render offline and hold the whole cluster; only the public port is published.</summary>
public class KustomizeRenderTests
{
    private static readonly string[] PlanekeeperWorkloads =
        ["planekeeper-silo", "planekeeper-frontend", "planekeeper-internal-frontend", "planekeeper-agent"];

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void An_overlay_renders_every_program_with_a_tagged_image(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);

        Assert.Equal(PlanekeeperWorkloads.Order(), rendered.Workloads.Where(w => w.Containers.Any(c => c.IsPlanekeeper)).Select(w => w.Name).Order());
        foreach (var container in rendered.Workloads.SelectMany(workload => workload.Containers).Where(container => container.IsPlanekeeper))
        {
            var tag = container.Image.Split(':') is [_, var t] ? t : null;
            Assert.False(tag is null or "latest", $"{container.Workload.Name}: image {container.Image} needs a pinned tag (the overlay's images:)");
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Only_the_dev_overlay_runs_PostgreSQL_in_the_cluster(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var postgres = rendered.Workloads.Where(workload => workload.Component == "postgres").ToList();
        var pgHost = rendered.Workload("planekeeper-silo").Container("silo").Value("PG_HOST");

        if (overlay == "dev")
        {
            Assert.Equal("StatefulSet", Assert.Single(postgres).Resource.Text("kind"));
            Assert.Equal(pgHost, rendered.Single("Service", "planekeeper-postgres").Text("metadata", "name"));
        }
        else
        {
            Assert.Empty(postgres);
            Assert.DoesNotContain(rendered.OfKind("Service"), service => service.Text("metadata", "name") == pgHost);
        }
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void Services_publish_nothing_but_the_frontends_ports_inside_the_cluster(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        foreach (var service in rendered.OfKind("Service"))
        {
            Assert.Equal("ClusterIP", service.Text("spec", "type") ?? "ClusterIP");
            var selected = Assert.Single(rendered.Workloads, workload => workload.IsSelectedBy(service.Pairs("spec", "selector")));
            foreach (var port in service.Items("spec", "ports"))
            {
                var target = port.Text("targetPort")!;
                Assert.Contains(selected.Containers, container => container.Ports.ContainsKey(target));
                Assert.DoesNotContain(target, new[] { "silo", "gateway", "health" });
            }
        }

        var internalService = rendered.Single("Service", "planekeeper-internal-frontend");
        Assert.Equal("internal", Assert.Single(internalService.Items("spec", "ports")).Text("targetPort"));
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_Ingress_and_the_server_agent_reach_the_public_port(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var publicService = rendered.Single("Service", "planekeeper-frontend");
        var publicPort = Assert.Single(publicService.Items("spec", "ports"));
        Assert.Equal("http", publicPort.Text("targetPort"));

        foreach (var backend in rendered.OfKind("Ingress").SelectMany(ingress => ingress.Items("spec", "rules"))
                     .SelectMany(rule => rule.Items("http", "paths")).Select(path => path.At("backend", "service")))
        {
            Assert.Equal("planekeeper-frontend", backend.Text("name"));
            Assert.Equal(publicPort.Text("name"), backend.Text("port", "name"));
        }

        var serverUrl = new Uri(rendered.Workload("planekeeper-agent").Container("agent").Value("AGENT_SERVER_URL")!);
        Assert.Equal("planekeeper-frontend", serverUrl.Host);
        Assert.Equal(publicPort.Text("port"), serverUrl.Port.ToString());
    }
}
