using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// Two silo processes and one frontend process on one machine and one database: the silo that
/// answers the frontend's grain call is killed with SIGKILL, and the next calls must succeed on
/// the other silo within the membership bound (Silo/Hosting/MembershipTuning.cs).
/// </summary>
public class SiloFailoverTests(ITestOutputHelper output)
{
    // Three missed 2 s probes, one 10 s table refresh, and the frontend's 3 s probe timeout, with room to spare.
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_killed_silo_is_replaced_by_the_survivor_within_the_membership_timeout()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("failover");
        await using var first = PlanekeeperProcesses.StartSilo(database);
        await first.WaitUntilActiveAsync(Http);
        await using var second = PlanekeeperProcesses.StartSilo(database);
        await second.WaitUntilActiveAsync(Http);
        await using var frontend = PlanekeeperProcesses.StartFrontend(database);

        await frontend.WaitUntilReadyAsync(Http);
        var before = await ReadinessOnHealthPortAsync(first);
        var (victim, survivor) = HostedOn(before, first) ? (first, second) : (second, first);
        Assert.True(HostedOn(before, victim));

        var clock = Stopwatch.StartNew();
        victim.Process.Kill();
        await frontend.WaitUntilReadyAsync(Http, RecoveryBound);
        clock.Stop();

        var after = await ReadinessOnHealthPortAsync(survivor);
        Assert.True(HostedOn(after, survivor), $"answered by {after}");
        output.WriteLine($"SIGKILL to first successful grain call: {clock.Elapsed.TotalSeconds:F1} s");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "failover-seconds.txt"), $"{clock.Elapsed.TotalSeconds:F1}\n");

        var survivorHealth = await Http.GetAsync($"http://127.0.0.1:{survivor.HealthPort}/health");
        Assert.Equal(HttpStatusCode.OK, survivorHealth.StatusCode);
        Assert.Equal("Active", (await survivorHealth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("silo").GetString());
    }

    /// <summary>The readiness check with its details, which name the silo hosting the readiness grain (the public <c>/ready</c> does not).</summary>
    private static Task<JsonElement> ReadinessOnHealthPortAsync(PlanekeeperProcesses.SiloProcess silo) =>
        Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{silo.HealthPort}/ready");

    private static bool HostedOn(JsonElement ready, PlanekeeperProcesses.SiloProcess silo) =>
        ready.GetProperty("silo").GetString()!.Contains($":{silo.SiloPort}:");
}
