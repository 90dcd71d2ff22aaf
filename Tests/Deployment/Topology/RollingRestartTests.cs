using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Deployment.Topology;

/// <summary>
/// A rolling restart of the whole production topology while agents work through the proxy (docs/deploy.md, "Upgrades
/// and rolling restarts"): every process is stopped with SIGTERM and replaced, one at a time. No job is lost, none is
/// completed twice, the alert is not duplicated, and every API call succeeds once its 502/503 answers are retried.
/// </summary>
public sealed class RollingRestartTests(ProductionTopology topology, ITestOutputHelper output) : IClassFixture<ProductionTopology>
{
    private const string Credential = "topology-token";

    [Fact]
    public async Task Restarting_every_process_one_at_a_time_loses_no_job_completes_none_twice_and_keeps_the_api_answering()
    {
        using var owner = new ApiClient(topology.PublicAddress);
        await owner.SignUpAsync("topology-owner@example.com");
        await owner.CreateOrganizationAsync("Topology Org");
        var (_, key) = await owner.CreateApiKeyAsync("topology agents");
        var watched = await WatchedAlertConfigAsync(owner);

        var calls = new CallLog();
        using var stop = new CancellationTokenSource();
        var created = new ConcurrentBag<long>();
        var workers = Enumerable.Range(1, 3).Select(i => WorkAsync($"worker-{i}", key, calls, stop.Token)).ToList();
        var producer = ProduceAsync(owner, watched.GatherJob, created, calls, stop.Token);
        var prober = ProbeAsync(owner, calls, stop.Token);

        await Eventually.ReturnsAsync(() => Task.FromResult(calls.Completed), done => done >= 5, TimeSpan.FromSeconds(60), "work flowing before the restarts");
        var clock = Stopwatch.StartNew();
        var exits = new List<string>();
        for (var i = 0; i < topology.Silos.Count; i++)
        {
            await topology.RestartSiloAsync(i);
            exits.Add($"silo {i + 1} restarted at {clock.Elapsed.TotalSeconds:F1} s");
        }

        for (var i = 0; i < topology.PublicFrontends.Count; i++)
        {
            var exited = await topology.RestartPublicFrontendAsync(i);
            Assert.True(exited < TimeSpan.FromSeconds(10), $"public frontend {i + 1} took {exited} to stop");
            exits.Add($"public frontend {i + 1} exited {exited.TotalSeconds:F2} s after SIGTERM");
        }

        exits.Add($"internal frontend exited {(await topology.RestartInternalFrontendAsync()).TotalSeconds:F2} s after SIGTERM");
        exits.Add($"server agent exited {(await topology.RestartServerAgentAsync()).TotalSeconds:F2} s after SIGTERM");
        var restarts = clock.Elapsed;
        var completedBefore = calls.Completed;
        await Eventually.ReturnsAsync(() => Task.FromResult(calls.Completed), done => done >= completedBefore + 5, TimeSpan.FromSeconds(60), "work flowing after the restarts");

        await stop.CancelAsync();
        await Task.WhenAll(workers.Append(producer).Append(prober));
        await DrainAsync(key, calls);

        foreach (var line in exits)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"restarts took {restarts.TotalSeconds:F1} s; {created.Count} jobs created, {calls.Completed} completions, " +
            $"{calls.Retried} calls retried after 502/503/refused, {calls.Failed} gave up; API unavailable through the proxy at most {calls.LongestUnavailability.TotalMilliseconds:F0} ms");
        Assert.Equal(0, calls.Failed);
        await AssertEveryJobCompletedExactlyOnceAsync(created);
        Assert.Single(await owner.AlertsAsync(), alert => alert.GetProperty("alert_config_id").GetInt64() == watched.Config);
    }

    private async Task AssertEveryJobCompletedExactlyOnceAsync(IEnumerable<long> jobs)
    {
        foreach (var job in jobs)
        {
            var succeeded = await ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {job} AND outcome = 'succeeded'");
            Assert.True(succeeded == 1, $"gather job {job} completed {succeeded} times");
        }

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM gather_jobs WHERE status IN ('queued', 'in_progress') AND schedule IS NULL"));
    }

    /// <summary>A rule and an alert config over a gather job that is run again and again: one alert, however many evaluations.</summary>
    private static async Task<(long GatherJob, long Config)> WatchedAlertConfigAsync(ApiClient owner)
    {
        var gather = await owner.CreateGatherJobAsync("watched upstream", Credential);
        var scrape = await owner.CreateManualScrapeJobAsync("watched deployment");
        await owner.SetVersionAsync(scrape, "0.1.0");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        return (gather, await owner.CreateConfigAsync("watched", scrape, gather, rule));
    }

    /// <summary>An agent of the organization through the proxy: heartbeat, claim, complete — retrying what a restart refuses.</summary>
    private async Task WorkAsync(string name, string key, CallLog calls, CancellationToken stop)
    {
        using var agent = await TestAgent.StartAsync(topology.PublicAddress, key, name, ["gather"], (Credential, "https_pat"));
        var beat = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            if (beat.Elapsed > TimeSpan.FromSeconds(5))
            {
                await calls.RetryAsync(agent.TryHeartbeatAsync, status => status == HttpStatusCode.OK);
                beat.Restart();
            }

            var claim = await calls.RetryAsync(async () => await agent.TryClaimAsync(waitSeconds: 2), answer => answer.Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
            if (claim.Task is { } task)
            {
                // 409: an earlier try of this completion got through before its answer was lost.
                await calls.RetryAsync(() => agent.CompleteAsync(task), status => status is HttpStatusCode.OK or HttpStatusCode.Conflict);
                calls.Complete();
            }
        }
    }

    /// <summary>Claims until nothing is due, after the restarts: whatever was queued still runs.</summary>
    private async Task DrainAsync(string key, CallLog calls)
    {
        using var agent = await TestAgent.StartAsync(topology.PublicAddress, key, "drain", ["gather"], (Credential, "https_pat"));
        while ((await calls.RetryAsync(async () => await agent.TryClaimAsync(waitSeconds: 3), answer => answer.Status is HttpStatusCode.OK or HttpStatusCode.NoContent)).Task is { } task)
        {
            await calls.RetryAsync(() => agent.CompleteAsync(task), status => status is HttpStatusCode.OK or HttpStatusCode.Conflict);
        }
    }

    /// <summary>New jobs every 300 ms, and the watched job run again: work arrives throughout the restarts.</summary>
    private static async Task ProduceAsync(ApiClient owner, long watched, ConcurrentBag<long> created, CallLog calls, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"rolling {i}";
            using var answer = await calls.RetryAsync(
                () => owner.SendAsync(HttpMethod.Post, "/api/v1/gather-jobs", new { name, source_type = "github_releases", artifact_name = $"github.com/acme/rolling-{i}", credential_name = Credential }),
                response => response.StatusCode == HttpStatusCode.Created);
            created.Add((await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64());
            if (i % 5 == 0)
            {
                using var run = await calls.RetryAsync(() => owner.SendAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{watched}/run"),
                    response => response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Conflict);
            }

            await Pause(TimeSpan.FromMilliseconds(300), stop);
        }
    }

    /// <summary>A read through the proxy every 100 ms: how long the API is ever unavailable.</summary>
    private static async Task ProbeAsync(ApiClient owner, CallLog calls, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var read = await calls.RetryAsync(() => owner.SendAsync(HttpMethod.Get, "/api/v1/gather-jobs?limit=1"), response => response.StatusCode == HttpStatusCode.OK, measure: true);
            await Pause(TimeSpan.FromMilliseconds(100), stop);
        }
    }

    private static async Task Pause(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(topology.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
