using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>docs/deploy.md, "PostgreSQL high availability": <c>PG_HOST</c> naming several servers, the first of them down.</summary>
public class MultiHostDatabaseTests
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Silo_and_frontend_start_and_serve_through_the_second_host_when_the_first_is_down()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("multi-host");
        var closedPort = FreePort.Next();
        // The first host has its own port, where nothing listens; the second takes PG_PORT, the real server's.
        var hosts = new Dictionary<string, string> { ["PG_HOST"] = $"127.0.0.1:{closedPort},127.0.0.1" };

        await using var silo = PlanekeeperProcesses.StartSilo(database, hosts);
        await silo.WaitUntilActiveAsync(Probe);
        await using var frontend = PlanekeeperProcesses.StartFrontend(database, new Dictionary<string, string>(hosts) { ["AUTO_APPROVE_USERS"] = "true" });
        var ready = await frontend.WaitUntilReadyAsync(Probe);

        Assert.Equal("ok", ready.GetProperty("database").GetString());
        using var owner = new ApiClient(frontend.BaseAddress);
        await owner.SignUpAsync("multi-host@example.com");
        await owner.CreateOrganizationAsync("multi-host");
        var job = await owner.CreateGatherJobAsync("through the second host");
        Assert.Equal("queued", await owner.JobStatusAsync("gather-jobs", job));
        Assert.Equal(HttpStatusCode.OK, (await Probe.GetAsync($"http://127.0.0.1:{silo.HealthPort}/ready")).StatusCode);
    }
}
