using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// docs/deploy.md, "PostgreSQL high availability": the database goes away under load for 10 s and comes back; the
/// processes recover by themselves, <c>/ready</c> tells the outage, and every job still runs to completion.
/// Runs on its own PostgreSQL cluster, which it stops.
/// </summary>
public class PostgresRestartTests(ITestOutputHelper output)
{
    /// <summary>The scenario: stop, wait 10 s, start (a duration of the outage, not a synchronisation).</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private int _completed;

    [Fact]
    public async Task A_postgresql_restart_under_load_is_survived_without_operator_action()
    {
        await using var server = await PostgresServer.StartAsync("restart-under-load");
        var database = await server.CreateDatabaseAsync("restart");
        await using var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string>
        {
            ["AGENT_HEARTBEAT_INTERVAL"] = "1s",
            ["TASK_LEASE_SECONDS"] = TaskEngineSystem.LeaseSeconds.ToString(),
        });
        await silo.WaitUntilActiveAsync(Probe);
        await using var frontend = PlanekeeperProcesses.StartFrontend(database, new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true" });
        await frontend.WaitUntilReadyAsync(Probe);

        using var owner = new ApiClient(frontend.BaseAddress);
        await owner.SignUpAsync("restart@example.com");
        await owner.CreateOrganizationAsync("restart");
        var (_, key) = await owner.CreateApiKeyAsync("agents");
        var jobs = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add(await owner.CreateGatherJobAsync($"restart {i}"));
        }

        using var agent = await TestAgent.StartAsync(frontend.BaseAddress, key, "restart-agent");
        using var requesting = new CancellationTokenSource();
        using var working = new CancellationTokenSource();
        var requester = KeepRequestingRunsAsync(owner, jobs, requesting.Token);
        var worker = KeepWorkingAsync(agent, working.Token);
        await CompletionsAsync(jobs.Count, "runs completed before the outage");

        var down = Stopwatch.StartNew();
        await server.StopAsync();
        var outage = await Eventually.ReturnsAsync(() => Probe.GetAsync(new Uri(frontend.BaseAddress, "ready")), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "/ready reporting the outage");
        Assert.Equal("unavailable", (await outage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetString());
        output.WriteLine($"/ready reported the outage {down.Elapsed.TotalSeconds:F1} s after PostgreSQL stopped");
        if (Outage - down.Elapsed is { } rest && rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        var completedDuringOutage = _completed;
        await server.RestartAsync();
        var up = Stopwatch.StartNew();
        await frontend.WaitUntilReadyAsync(Probe, RecoveryBound);
        output.WriteLine($"PostgreSQL down {down.Elapsed.TotalSeconds - up.Elapsed.TotalSeconds:F1} s; frontend /ready 200 again {up.Elapsed.TotalSeconds:F1} s after it was back");
        await Eventually.ReturnsAsync(() => Probe.GetAsync($"http://127.0.0.1:{silo.HealthPort}/ready"), r => r.IsSuccessStatusCode, RecoveryBound, "the silo's /ready");
        await CompletionsAsync(completedDuringOutage + jobs.Count, "runs completed after the outage");
        output.WriteLine($"agents completing runs again {up.Elapsed.TotalSeconds:F1} s after PostgreSQL was back");

        // No job lost: with no more runs asked for, the agent finishes every one, and none is left in progress.
        requesting.Cancel();
        await requester;
        var statuses = await Eventually.ReturnsAsync(
            () => Task.WhenAll(jobs.Select(job => owner.JobStatusAsync("gather-jobs", job))),
            found => found.All(status => status == "completed"),
            RecoveryBound,
            "every job completed");
        working.Cancel();
        await worker;
        Assert.All(statuses, status => Assert.Equal("completed", status));
        Assert.False(silo.Process.HasExited, "the silo exited:\n" + silo.Process.Output);
        Assert.False(frontend.Process.HasExited, "the frontend exited:\n" + frontend.Process.Output);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/gather-jobs")).StatusCode);
    }

    private Task CompletionsAsync(int atLeast, string what) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Volatile.Read(ref _completed)), count => count >= atLeast, RecoveryBound, what);

    /// <summary>An agent's loop: claim (long-polling 1 s), complete; whatever fails is tried again, as the Agent does.</summary>
    private async Task KeepWorkingAsync(TestAgent agent, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (status, task, _) = await agent.TryClaimAsync(waitSeconds: 1);
            if (task is { } claimed && await agent.CompleteAsync(claimed) == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _completed);
            }
            else if (status != HttpStatusCode.NoContent)
            {
                await PauseAsync(stop);
            }
        }
    }

    /// <summary>Users asking for runs all along (most answers during the outage are errors).</summary>
    private static async Task KeepRequestingRunsAsync(ApiClient owner, IReadOnlyList<long> jobs, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var job in jobs)
            {
                try
                {
                    using var _ = await owner.SendAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{job}/run");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
            }

            await PauseAsync(stop);
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
