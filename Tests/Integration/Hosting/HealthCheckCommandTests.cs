using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// What the container images rely on (docs/deploy.md, "Images"): each program's <c>--health-check</c> asks its own
/// <c>/health</c> (the agent its server's) and exits 0 or 1; secrets come from files (<c>*_FILE</c>); a silo with
/// <c>PLANEKEEPER_ADVERTISED_IP=hostname</c> advertises an address its frontend reaches.
/// </summary>
public sealed class HealthCheckCommandTests : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    private readonly string _secrets = Directory.CreateTempSubdirectory("planekeeper-secrets-").FullName;

    [Fact]
    public async Task Each_program_passes_its_health_check_while_it_serves_and_fails_it_when_it_is_gone()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("health-check");
        var passwordFromFile = new Dictionary<string, string>
        {
            ["PG_PASSWORD"] = "",
            ["PG_PASSWORD_FILE"] = Secret("pg_password", database.Environment["PG_PASSWORD"] + "\n"),
        };
        var siloSettings = new Dictionary<string, string>(passwordFromFile) { ["PLANEKEEPER_ADVERTISED_IP"] = "hostname" };
        await using var silo = PlanekeeperProcesses.StartSilo(database, siloSettings);
        var siloEnvironment = Merged(database.Environment, siloSettings, new Dictionary<string, string> { ["PLANEKEEPER_SILO_HEALTH_PORT"] = silo.HealthPort.ToString() });

        await Eventually.ReturnsAsync(
            () =>
            {
                Assert.False(silo.Process.HasExited, "the silo exited:\n" + silo.Process.Output);
                return HealthCheckAsync(TestEnvironment.SiloDll, siloEnvironment);
            },
            exitCode => exitCode == 0, PlanekeeperProcesses.StartTimeout, "the silo's health check passing");

        await using var frontend = PlanekeeperProcesses.StartFrontend(database, passwordFromFile);
        await frontend.WaitUntilReadyAsync(Http);
        var frontendEnvironment = Merged(database.Environment, passwordFromFile, new Dictionary<string, string> { ["PLANEKEEPER_HTTP_PORT"] = frontend.HttpPort.ToString() });
        Assert.Equal(0, await HealthCheckAsync(TestEnvironment.FrontendDll, frontendEnvironment));

        var agentEnvironment = new Dictionary<string, string>
        {
            ["AGENT_SERVER_URL"] = frontend.BaseAddress.ToString(),
            ["AGENT_BOOTSTRAP_SECRET_FILE"] = Secret("bootstrap", new string('b', 40) + "\n"),
        };
        Assert.Equal(0, await HealthCheckAsync(TestEnvironment.AgentDll, agentEnvironment));

        await StopAsync(frontend.Process);
        Assert.Equal(1, await HealthCheckAsync(TestEnvironment.FrontendDll, frontendEnvironment));
        Assert.Equal(1, await HealthCheckAsync(TestEnvironment.AgentDll, agentEnvironment));
        await StopAsync(silo.Process);
        Assert.Equal(1, await HealthCheckAsync(TestEnvironment.SiloDll, siloEnvironment));
    }

    [Theory]
    [InlineData("silo", 1)]
    [InlineData("frontend", 1)]
    [InlineData("agent", 2)]
    public async Task A_secret_given_both_ways_stops_the_program_with_one_line(string program, int exitCode)
    {
        var (dll, setting) = program switch
        {
            "silo" => (TestEnvironment.SiloDll, "PG_PASSWORD"),
            "frontend" => (TestEnvironment.FrontendDll, "PG_PASSWORD"),
            _ => (TestEnvironment.AgentDll, "AGENT_API_KEY"),
        };
        var environment = new Dictionary<string, string>
        {
            [setting] = "inline",
            [setting + "_FILE"] = Secret("secret", "from a file"),
            ["AGENT_SERVER_URL"] = "http://127.0.0.1:9/",
        };

        await using var process = ChildProcess.Start(dll, environment);

        Assert.Equal(exitCode, await process.WaitForExitAsync(CheckTimeout));
        var line = Assert.Single(process.StandardError);
        Assert.Equal($"planekeeper-{program}: {setting} and {setting}_FILE are both set: give the setting one way only", line);
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);

    private static async Task<int> HealthCheckAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        await using var check = ChildProcess.Start(dll, environment, "--health-check");
        return await check.WaitForExitAsync(CheckTimeout);
    }

    private static async Task StopAsync(ChildProcess process)
    {
        process.Kill();
        await process.WaitForExitAsync(CheckTimeout);
    }

    private string Secret(string name, string content)
    {
        var path = Path.Combine(_secrets, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string> Merged(params IReadOnlyDictionary<string, string>[] parts) =>
        parts.SelectMany(part => part).GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Last().Value);
}
