namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>
/// The containers declare the ports the programs listen on — the value of each port setting, or its default in
/// docs/configuration.md — and probe <c>/health</c> for liveness and <c>/ready</c> for readiness on them.
/// </summary>
public class KubernetesProbeTests
{
    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_silo_declares_its_three_ports_and_probes_the_health_port(string overlay)
    {
        var silo = RenderedOverlay.Of(overlay).Workload("planekeeper-silo").Container("silo");

        Assert.Equal(PortSetting(silo, "PLANEKEEPER_SILO_PORT", 11111), silo.Ports["silo"]);
        Assert.Equal(PortSetting(silo, "PLANEKEEPER_GATEWAY_PORT", 30000), silo.Ports["gateway"]);
        Assert.Equal(PortSetting(silo, "PLANEKEEPER_SILO_HEALTH_PORT", 8081), silo.Ports["health"]);
        AssertProbes(silo, silo.Ports["health"]);
        // The silo's /health fails while it joins (migrations first): a startup probe keeps liveness off meanwhile.
        Assert.Equal("/health", silo.Probe("startupProbe").Text("httpGet", "path"));
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_public_frontend_listens_on_the_public_port_only(string overlay)
    {
        var frontend = RenderedOverlay.Of(overlay).Workload("planekeeper-frontend").Container("frontend");

        Assert.Equal("api,client-ui", frontend.Value("PLANEKEEPER_ROLES"));
        Assert.Equal(PortSetting(frontend, "PLANEKEEPER_HTTP_PORT", 8080), Assert.Single(frontend.Ports, port => port.Key == "http").Value);
        Assert.Single(frontend.Ports);
        AssertProbes(frontend, frontend.Ports["http"]);
    }

    [KubectlTheory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public void The_internal_frontend_listens_on_the_internal_port_only(string overlay)
    {
        var frontend = RenderedOverlay.Of(overlay).Workload("planekeeper-internal-frontend").Container("frontend");

        Assert.Equal("internal-ui", frontend.Value("PLANEKEEPER_ROLES"));
        Assert.Equal(PortSetting(frontend, "PLANEKEEPER_INTERNAL_HTTP_PORT", 8082), Assert.Single(frontend.Ports, port => port.Key == "internal").Value);
        Assert.Single(frontend.Ports);
        AssertProbes(frontend, frontend.Ports["internal"]);
    }

    private static int PortSetting(Container container, string setting, int programDefault) =>
        container.Value(setting) is { } value ? int.Parse(value) : programDefault;

    private static void AssertProbes(Container container, int port)
    {
        var liveness = container.Probe("livenessProbe");
        var readiness = container.Probe("readinessProbe");
        Assert.Equal("/health", liveness.Text("httpGet", "path"));
        Assert.Equal("/ready", readiness.Text("httpGet", "path"));
        Assert.Equal(port, container.ProbePort(liveness!));
        Assert.Equal(port, container.ProbePort(readiness!));
        // /ready waits up to about 3 s for the cluster (docs/operations.md): Kubernetes' default 1 s would fail it.
        Assert.True(int.Parse(readiness.Text("timeoutSeconds") ?? "1") > 3, $"{container.Workload.Name}: readiness timeout must exceed 3 s");
    }
}
