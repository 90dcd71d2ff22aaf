using System.Net.Http.Json;
using System.Text.Json;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>Starts the real Silo and WebFrontend binaries against a test database.</summary>
public static class PlanekeeperProcesses
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public sealed record SiloProcess(ChildProcess Process, int SiloPort, int GatewayPort, int HealthPort) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    /// <summary>A frontend: its public port, and the internal port that alone serves the internal routes.</summary>
    /// <param name="InternalOnly">Started with <c>PLANEKEEPER_ROLES=internal-ui</c>: nothing listens on the public port.</param>
    public sealed record FrontendProcess(ChildProcess Process, int HttpPort, int InternalPort, bool InternalOnly = false) : IAsyncDisposable
    {
        public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

        public Uri InternalBaseAddress => new($"http://127.0.0.1:{InternalPort}/");

        /// <summary>Where <c>/ready</c> is asked: every listener answers it, but an internal-only frontend has only the one.</summary>
        public Uri ProbeAddress => InternalOnly ? InternalBaseAddress : BaseAddress;

        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    /// <summary>
    /// Every test sends from 127.0.0.1, many from one key or user, so test frontends lift the request limit and the
    /// sign-in throttles unless a test sets them (the rate-limit tests do).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UnlimitedRequests = new Dictionary<string, string>
    {
        ["RATE_LIMIT_MAX_REQUESTS"] = "1000000",
        ["SIGN_IN_MAX_ATTEMPTS_PER_IP"] = "1000000",
        ["SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT"] = "1000000",
    };

    /// <param name="samePortsAs">A silo that died: the new one takes its address, as a restarted server would.</param>
    /// <param name="program">The silo program to run: <see cref="TestEnvironment.SiloDll"/> unless a test needs another.</param>
    public static SiloProcess StartSilo(
        TestDatabase database, IReadOnlyDictionary<string, string>? extra = null, SiloProcess? samePortsAs = null, string? program = null)
    {
        var (siloPort, gatewayPort, healthPort) = samePortsAs is { } dead
            ? (dead.SiloPort, dead.GatewayPort, dead.HealthPort)
            : (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var environment = new Dictionary<string, string>(database.Environment)
        {
            ["PLANEKEEPER_SILO_PORT"] = siloPort.ToString(),
            ["PLANEKEEPER_GATEWAY_PORT"] = gatewayPort.ToString(),
            ["PLANEKEEPER_SILO_HEALTH_PORT"] = healthPort.ToString(),
            ["PLANEKEEPER_ADVERTISED_IP"] = "127.0.0.1",
            // Test silos run as Production and keep the key ring unencrypted unless a test gives a certificate.
            ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true",
        };
        Merge(environment, extra);
        return new SiloProcess(ChildProcess.Start(program ?? TestEnvironment.SiloDll, environment), siloPort, gatewayPort, healthPort);
    }

    /// <param name="samePortsAs">A frontend that stopped: the new one takes its ports, as a restarted server would.</param>
    public static FrontendProcess StartFrontend(TestDatabase database, IReadOnlyDictionary<string, string>? extra = null, FrontendProcess? samePortsAs = null)
    {
        var (port, internalPort) = samePortsAs is { } stopped ? (stopped.HttpPort, stopped.InternalPort) : (FreePort.Next(), FreePort.Next());
        var environment = new Dictionary<string, string>(database.Environment)
        {
            ["PLANEKEEPER_HTTP_PORT"] = port.ToString(),
            ["PLANEKEEPER_PUBLIC_URL"] = $"http://127.0.0.1:{port}",
            ["PLANEKEEPER_INTERNAL_HTTP_PORT"] = internalPort.ToString(),
            ["PLANEKEEPER_INTERNAL_URL"] = $"http://127.0.0.1:{internalPort}",
        };
        Merge(environment, UnlimitedRequests);
        Merge(environment, extra);
        var internalOnly = environment.TryGetValue("PLANEKEEPER_ROLES", out var roles) && roles.Trim() == "internal-ui";
        return new FrontendProcess(ChildProcess.Start(TestEnvironment.FrontendDll, environment), port, internalPort, internalOnly);
    }

    /// <summary>The topology's round-robin proxy (deploy/topology/Proxy) on 127.0.0.1:<paramref name="port"/> in front of <paramref name="frontends"/>.</summary>
    public static ChildProcess StartProxy(int port, IEnumerable<FrontendProcess> frontends) =>
        ChildProcess.Start(TestEnvironment.TopologyProxyDll, new Dictionary<string, string>
        {
            ["PROXY_PORT"] = port.ToString(),
            ["PROXY_DESTINATIONS"] = string.Join(',', frontends.Select(frontend => frontend.BaseAddress.ToString().TrimEnd('/'))),
            ["Logging__LogLevel__Default"] = "Warning",
        });

    /// <summary>The Agent program, configured by the environment only (the default config file does not exist here).</summary>
    public static ChildProcess StartAgent(Uri server, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string> { ["AGENT_SERVER_URL"] = server.ToString(), ["Logging__LogLevel__Default"] = "Information" };
        Merge(environment, settings);
        return ChildProcess.Start(TestEnvironment.AgentDll, environment);
    }

    /// <summary>Waits until the silo says it is an active member of the cluster.</summary>
    public static async Task WaitUntilActiveAsync(this SiloProcess silo, HttpClient http)
    {
        await Eventually.ReturnsAsync(
            async () =>
            {
                Assert.False(silo.Process.HasExited, "the silo exited:\n" + silo.Process.Output);
                return await http.GetAsync($"http://127.0.0.1:{silo.HealthPort}/health");
            },
            response => response.IsSuccessStatusCode,
            StartTimeout,
            "silo becoming active");
    }

    /// <summary>Waits until <c>/ready</c> answers 200 and returns its body.</summary>
    public static async Task<JsonElement> WaitUntilReadyAsync(this FrontendProcess frontend, HttpClient http, TimeSpan? timeout = null)
    {
        var response = await Eventually.ReturnsAsync(
            async () =>
            {
                Assert.False(frontend.Process.HasExited, "the frontend exited:\n" + frontend.Process.Output);
                return await http.GetAsync(new Uri(frontend.ProbeAddress, "ready"));
            },
            response => response.IsSuccessStatusCode,
            timeout ?? StartTimeout,
            "frontend becoming ready");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void Merge(Dictionary<string, string> environment, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }
}
