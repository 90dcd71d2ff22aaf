namespace Planekeeper.Tests.Unit.Deployment;

/// <summary>
/// The compose file and Traefik's dynamic files agree: every router points at a service that exists, every service
/// at a compose service on the port its program listens on, and the internal entrypoint is published on 127.0.0.1
/// only. The original runbook lists "service names do not match between compose and Traefik" as a real outage.
/// </summary>
public class ComposeTraefikRoutesTests
{
    private static readonly Dictionary<object, object> Compose = DeploymentFiles.Yaml(DeploymentFiles.ComposeFile);

    private static Dictionary<object, object> Services => Compose.Map("services");

    private static Dictionary<object, object> Traefik => Services.Map("traefik");

    public static TheoryData<string> DynamicFiles => new() { "dynamic-public.yml", "dynamic-internal.yml" };

    [Theory]
    [MemberData(nameof(DynamicFiles))]
    public void Every_router_points_at_a_service_of_its_file_and_at_entrypoints_Traefik_has(string file)
    {
        var http = Dynamic(file).Map("http");
        var routers = http.Map("routers");
        Assert.NotEmpty(routers);
        foreach (var (name, router) in routers.Select(entry => (entry.Key, (Dictionary<object, object>)entry.Value)))
        {
            Assert.True(http.Map("services").ContainsKey(router.Text("service")!), $"{file}: router {name} points at service '{router.Text("service")}', which the file does not define");
            foreach (var entryPoint in router.Strings("entryPoints"))
            {
                Assert.True(EntryPointPorts().ContainsKey(entryPoint), $"{file}: router {name} uses entrypoint '{entryPoint}', which Traefik's command does not define");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DynamicFiles))]
    public void Every_Traefik_service_reaches_a_compose_service_on_the_port_its_frontend_listens_on(string file)
    {
        foreach (var server in Servers(file))
        {
            Assert.True(Services.ContainsKey(server.Host), $"{file}: {server} names '{server.Host}', which is no service of docker-compose.yml");
            var service = Services.Map(server.Host);
            Assert.Contains(server.Port, FrontendPorts(service.Environment()));
            Assert.True(Networks(service).Overlaps(Networks(Traefik)), $"{file}: Traefik shares no network with '{server.Host}'");
        }
    }

    [Fact]
    public void The_public_router_reaches_the_public_frontend_and_the_internal_router_the_internal_one_only()
    {
        var (publicEntry, internalEntry) = (Router("dynamic-public.yml"), Router("dynamic-internal.yml"));

        Assert.Equal(["websecure"], publicEntry.Strings("entryPoints"));
        Assert.Equal(["internal"], internalEntry.Strings("entryPoints"));
        Assert.All(Servers("dynamic-public.yml"), server => Assert.Equal("api,client-ui", Roles(server.Host)));
        Assert.All(Servers("dynamic-internal.yml"), server => Assert.Equal("internal-ui", Roles(server.Host)));
    }

    [Fact]
    public void The_internal_entrypoint_and_the_dashboard_are_published_on_127_0_0_1_only()
    {
        var internalPort = EntryPointPorts()["internal"];
        var published = Traefik.Strings("ports");

        var internalMappings = published.Where(mapping => ContainerPort(mapping) == internalPort).ToList();
        Assert.Equal(["127.0.0.1:8082:8082"], internalMappings);
        // The dashboard (--api.insecure) is served on Traefik's own port 8080 in the container.
        Assert.All(published.Where(mapping => ContainerPort(mapping) == 8080), mapping => Assert.StartsWith("127.0.0.1:", mapping));
        Assert.Contains("443:443", published);
    }

    [Fact]
    public void The_public_frontend_can_be_scaled_and_only_Traefik_publishes_ports()
    {
        var frontend = Services.Map("frontend");
        Assert.False(frontend.ContainsKey("container_name"), "a fixed container name stops --scale");
        foreach (var name in Services.Keys.Select(key => key.ToString()!).Where(name => name != "traefik"))
        {
            Assert.False(Services.Map(name).ContainsKey("ports"), $"{name} publishes a port: only Traefik may");
        }
    }

    [Fact]
    public void The_frontends_trust_forwarded_headers_from_the_network_they_share_with_Traefik_only()
    {
        var edge = Compose.Map("networks").Map("edge").Map("ipam");
        var subnet = ((List<object>)edge["config"]).Cast<Dictionary<object, object>>().Single().Text("subnet");

        Assert.Equal(["edge"], Networks(Traefik));
        foreach (var name in new[] { "frontend", "frontend-internal" })
        {
            Assert.Equal(subnet, Services.Map(name).Environment()["PLANEKEEPER_TRUSTED_PROXIES"]);
        }

        var onEdge = Services.Where(entry => Networks((Dictionary<object, object>)entry.Value).Contains("edge")).Select(entry => entry.Key.ToString());
        Assert.Equal(["frontend", "frontend-internal", "traefik"], onEdge.Order());
    }

    [Fact]
    public void Two_silos_advertise_their_container_address_and_the_agent_reaches_the_public_frontend()
    {
        var silos = Services.Keys.Select(key => key.ToString()!).Where(name => name.StartsWith("silo")).ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, silo => Assert.Equal("hostname", Services.Map(silo).Environment()["PLANEKEEPER_ADVERTISED_IP"]));

        var agent = Services.Map("agent").Environment();
        var server = new Uri(agent["AGENT_SERVER_URL"]);
        Assert.Equal("api,client-ui", Roles(server.Host));
        Assert.Contains(server.Port, FrontendPorts(Services.Map(server.Host).Environment()));
        Assert.True(agent.ContainsKey("AGENT_BOOTSTRAP_SECRET_FILE"), "the server agent provisions its key with the bootstrap secret");
    }

    [Fact]
    public void Every_FILE_setting_names_a_secret_mounted_into_its_service()
    {
        var declared = Compose.Map("secrets").Keys.Select(key => key.ToString()!).ToHashSet();
        foreach (var (name, service) in Services.Select(entry => (entry.Key.ToString()!, (Dictionary<object, object>)entry.Value)))
        {
            var mounted = service.Strings("secrets");
            Assert.All(mounted, secret => Assert.Contains(secret, declared));
            foreach (var (setting, path) in service.Environment().Where(entry => entry.Key.EndsWith("_FILE") || entry.Key == "DATA_PROTECTION_CERTIFICATE_PATH"))
            {
                Assert.StartsWith("/run/secrets/", path);
                Assert.True(mounted.Contains(path["/run/secrets/".Length..]), $"{name}: {setting}={path} is not one of its secrets");
            }
        }
    }

    private static Dictionary<object, object> Dynamic(string file) => DeploymentFiles.Yaml(Path.Combine(DeploymentFiles.ComposeFolder, "traefik", file));

    private static Dictionary<object, object> Router(string file) => (Dictionary<object, object>)Dynamic(file).Map("http").Map("routers").Values.Single();

    private static List<Uri> Servers(string file) =>
        Dynamic(file).Map("http").Map("services").Values.Cast<Dictionary<object, object>>()
            .SelectMany(service => ((List<object>)service.Map("loadBalancer")["servers"]).Cast<Dictionary<object, object>>())
            .Select(server => new Uri(server.Text("url")!)).ToList();

    /// <summary>Traefik's entrypoints from its command (<c>--entrypoints.NAME.address=:PORT</c>).</summary>
    private static Dictionary<string, int> EntryPointPorts() =>
        Traefik.Strings("command")
            .Select(flag => System.Text.RegularExpressions.Regex.Match(flag, @"^--entrypoints\.([a-z]+)\.address=:(\d+)$"))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups[1].Value, match => int.Parse(match.Groups[2].Value));

    private static int ContainerPort(string mapping) => int.Parse(mapping.Split(':')[^1]);

    private static HashSet<string> Networks(Dictionary<object, object> service) =>
        service["networks"] is List<object> list ? list.Select(item => item.ToString()!).ToHashSet() : service.Map("networks").Keys.Select(key => key.ToString()!).ToHashSet();

    private static string Roles(string service) => Services.Map(service).Environment()["PLANEKEEPER_ROLES"];

    /// <summary>The ports a frontend listens on, as its program reads them (docs/configuration.md, "Frontend roles").</summary>
    private static List<int> FrontendPorts(Dictionary<string, string> environment)
    {
        var roles = environment.GetValueOrDefault("PLANEKEEPER_ROLES", "api,client-ui,internal-ui").Split(',');
        var ports = new List<int>();
        if (roles.Contains("api") || roles.Contains("client-ui"))
        {
            ports.Add(int.Parse(environment.GetValueOrDefault("PLANEKEEPER_HTTP_PORT", "8080")));
        }

        if (roles.Contains("internal-ui"))
        {
            ports.Add(int.Parse(environment.GetValueOrDefault("PLANEKEEPER_INTERNAL_HTTP_PORT", "8082")));
        }

        return ports;
    }
}
