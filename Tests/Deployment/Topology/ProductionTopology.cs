using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Deployment.Topology;

/// <summary>
/// The production topology as processes on one PostgreSQL (docs/deploy.md, "The production topology as processes"):
/// two silos, two public frontends (roles <c>api,client-ui</c>) behind the round-robin proxy, one internal frontend
/// (role <c>internal-ui</c>) and a server agent that provisions its own key with the bootstrap secret. Any process can
/// be restarted in place (SIGTERM, then a new one on the same ports).
/// </summary>
public sealed class ProductionTopology : IAsyncLifetime
{
    public const string BootstrapSecret = "a bootstrap secret for the topology test, 32+ chars";

    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<PlanekeeperProcesses.SiloProcess> _silos = [];
    private readonly List<PlanekeeperProcesses.FrontendProcess> _publicFrontends = [];
    private Dictionary<string, string> _siloSettings = [];
    private Dictionary<string, string> _frontendSettings = [];

    public TestDatabase Database { get; private set; } = null!;

    public IReadOnlyList<PlanekeeperProcesses.SiloProcess> Silos => _silos;

    public IReadOnlyList<PlanekeeperProcesses.FrontendProcess> PublicFrontends => _publicFrontends;

    public PlanekeeperProcesses.FrontendProcess InternalFrontend { get; private set; } = null!;

    public ChildProcess ServerAgent { get; private set; } = null!;

    public ChildProcess Proxy { get; private set; } = null!;

    /// <summary>What users and agents reach: the proxy.</summary>
    public Uri PublicAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await (await PostgresServer.Shared).CreateDatabaseAsync(nameof(ProductionTopology));
        _siloSettings = new()
        {
            ["PLANEKEEPER_ADMIN_EMAIL"] = RunningSystem.AdminEmail,
            ["PLANEKEEPER_ADMIN_PASSWORD"] = RunningSystem.AdminPassword,
            ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSecret,
        };
        for (var i = 0; i < 2; i++)
        {
            _silos.Add(await StartSiloAsync());
        }

        var proxyPort = FreePort.Next();
        PublicAddress = new Uri($"http://127.0.0.1:{proxyPort}/");
        _frontendSettings = new()
        {
            ["PLANEKEEPER_ROLES"] = "api,client-ui",
            ["AUTO_APPROVE_USERS"] = "true",
            ["PLANEKEEPER_TRUSTED_PROXIES"] = "127.0.0.1",
            ["PLANEKEEPER_PUBLIC_URL"] = PublicAddress.ToString().TrimEnd('/'),
        };
        for (var i = 0; i < 2; i++)
        {
            _publicFrontends.Add(await StartFrontendAsync(_frontendSettings));
        }

        InternalFrontend = await StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "internal-ui" });
        Proxy = PlanekeeperProcesses.StartProxy(proxyPort, _publicFrontends);
        await Eventually.ReturnsAsync(ProxyReadyAsync, ready => ready, PlanekeeperProcesses.StartTimeout, "the proxy answering /ready");
        ServerAgent = StartServerAgent();
    }

    public async Task RestartSiloAsync(int index)
    {
        var old = _silos[index];
        old.Process.Terminate();
        await old.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await old.DisposeAsync();
        _silos[index] = await StartSiloAsync(old);
    }

    /// <returns>How long the stopping frontend took to exit after SIGTERM.</returns>
    public async Task<TimeSpan> RestartPublicFrontendAsync(int index)
    {
        var old = _publicFrontends[index];
        var exited = await StopAsync(old.Process);
        await old.DisposeAsync();
        _publicFrontends[index] = await StartFrontendAsync(_frontendSettings, old);
        return exited;
    }

    public async Task<TimeSpan> RestartInternalFrontendAsync()
    {
        var old = InternalFrontend;
        var exited = await StopAsync(old.Process);
        await old.DisposeAsync();
        InternalFrontend = await StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "internal-ui" }, old);
        return exited;
    }

    public async Task<TimeSpan> RestartServerAgentAsync()
    {
        var exited = await StopAsync(ServerAgent);
        await ServerAgent.DisposeAsync();
        ServerAgent = StartServerAgent();
        return exited;
    }

    public async Task DisposeAsync()
    {
        await ServerAgent.DisposeAsync();
        await Proxy.DisposeAsync();
        foreach (var frontend in _publicFrontends.Append(InternalFrontend))
        {
            await frontend.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        _probe.Dispose();
    }

    private static async Task<TimeSpan> StopAsync(ChildProcess process)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        process.Terminate();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    private async Task<PlanekeeperProcesses.SiloProcess> StartSiloAsync(PlanekeeperProcesses.SiloProcess? samePortsAs = null)
    {
        var silo = PlanekeeperProcesses.StartSilo(Database, _siloSettings, samePortsAs);
        await silo.WaitUntilActiveAsync(_probe);
        return silo;
    }

    private async Task<PlanekeeperProcesses.FrontendProcess> StartFrontendAsync(Dictionary<string, string> settings, PlanekeeperProcesses.FrontendProcess? samePortsAs = null)
    {
        var frontend = PlanekeeperProcesses.StartFrontend(Database, settings, samePortsAs);
        await frontend.WaitUntilReadyAsync(_probe);
        return frontend;
    }

    private ChildProcess StartServerAgent() => PlanekeeperProcesses.StartAgent(PublicAddress, new Dictionary<string, string>
    {
        ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSecret,
        ["AGENT_NAME"] = "topology-server-agent",
    });

    private async Task<bool> ProxyReadyAsync()
    {
        try
        {
            using var ready = await _probe.GetAsync(new Uri(PublicAddress, "ready"));
            return ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
