using System.Diagnostics;
using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// Leases that expire, agents that vanish, runs that fail, jobs that get stuck (docs/jobs.md, "Leases and recovery").
/// </summary>
public class TaskRecoveryTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(TaskEngineSystem.LeaseSeconds);

    [Fact]
    public async Task An_expired_lease_requeues_the_job_and_a_late_report_is_refused_without_touching_the_newer_run()
    {
        var (owner, key) = await system.OrganizationAsync("lease-expiry");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("slow");
        using var slow = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "slow");
        using var quick = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "quick");
        var first = (await slow.ClaimAsync())!.Value;

        // The slow agent keeps beating but never renews: the lease runs out and the job is queued again.
        var second = await ClaimWithinAsync(quick, Lease * 3);
        Assert.Equal(jobId, TestAgent.JobId(second));
        Assert.Equal(2, second.GetProperty("attempt").GetInt32());
        Assert.Equal("lease_expired", await system.ScalarAsync<string>($"SELECT outcome FROM task_executions WHERE id = {TestAgent.TaskId(first)}"));

        Assert.Equal(HttpStatusCode.Conflict, await slow.CompleteAsync(first));
        Assert.Equal(HttpStatusCode.Conflict, await slow.RenewAsync(TestAgent.TaskId(first)));
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobId));
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {jobId}"));

        Assert.Equal(HttpStatusCode.OK, await quick.CompleteAsync(second));
        Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", jobId));
    }

    [Fact]
    public async Task Retryable_failures_are_retried_until_the_third_attempt_fails_the_run_with_the_last_error()
    {
        var (owner, key) = await system.OrganizationAsync("retries");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("flaky");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var task = (await agent.ClaimAsync())!.Value;
            Assert.Equal(attempt, task.GetProperty("attempt").GetInt32());
            Assert.Equal(HttpStatusCode.OK, await agent.FailAsync(TestAgent.TaskId(task), $"upstream answered 503 (try {attempt})", retryable: true));
        }

        var job = await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("upstream answered 503 (try 3)", job.GetProperty("last_error").GetString());
        Assert.Null(await agent.ClaimAsync());

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{jobId}/run");
        var again = (await agent.ClaimAsync())!.Value;
        Assert.Equal(1, again.GetProperty("attempt").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await agent.FailAsync(TestAgent.TaskId(again), "repository not found", retryable: false));
        Assert.Equal("failed", await owner.JobStatusAsync("gather-jobs", jobId));
        Assert.Equal(
            "failed failed retrying retrying",
            string.Join(' ', await ListAsync($"SELECT outcome FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {jobId} ORDER BY id DESC")));
    }

    [Fact]
    public async Task The_jobs_of_an_agent_that_stops_heartbeating_are_queued_again_once_it_counts_as_offline()
    {
        var (owner, key) = await system.OrganizationAsync("agent-death");
        using var ownerClient = owner;
        var jobs = new[] { await owner.CreateGatherJobAsync("one"), await owner.CreateGatherJobAsync("two") };
        using var doomed = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "doomed");
        var tasks = new[] { (await doomed.ClaimAsync())!.Value, (await doomed.ClaimAsync())!.Value };

        var agents = await owner.OkAsync(HttpMethod.Get, "/api/v1/agents");
        Assert.Equal(2, agents.GetProperty("items")[0].GetProperty("running_jobs").GetArrayLength());

        // Offline after three missed 1 s heartbeats. The leases (3 s) are renewed meanwhile, so only the heartbeat
        // timeout can be what frees the jobs, at once rather than on the 2-minute sweep
        // (docs/jobs.md, "Leases and recovery"). Outer bound: 60 s, under the sweep's interval; configured bound here:
        // 3 s (+ margin).
        doomed.StopHeartbeats();
        var clock = Stopwatch.StartNew();
        await Eventually.ReturnsAsync(
            async () =>
            {
                foreach (var task in tasks)
                {
                    await doomed.RenewAsync(TestAgent.TaskId(task));
                }

                return await Task.WhenAll(jobs.Select(job => owner.JobStatusAsync("gather-jobs", job)));
            },
            statuses => statuses.All(status => status == "queued"),
            TimeSpan.FromSeconds(15), "the offline agent's jobs queued again");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(2L, await system.ScalarAsync<long>(
            $"SELECT count(*) FROM task_executions WHERE agent_id = {doomed.Id} AND outcome = 'agent_offline'"));
        Assert.Equal(0, (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items")[0].GetProperty("running_jobs").GetArrayLength());
    }

    [Fact]
    public async Task An_organization_with_scheduled_jobs_holds_no_reminder()
    {
        var (owner, _) = await system.OrganizationAsync("no-reminder");
        using var ownerClient = owner;
        var organization = owner.OrganizationId!.Value;
        var reminders = $"""
            SELECT count(*) FROM orleansreminderstable
             WHERE grainid IN ('planekeeper.tasks.engine/{organization:x}', 'planekeeper.tasks.engine/{organization}')
            """;

        // Idle engines are collected and woken by the wake-up scan (docs/jobs.md, "How it is built"), not kept by a reminder.
        var jobId = await owner.CreateGatherJobAsync("nightly", schedule: "0 3 * * *");
        Assert.Equal("pending", await owner.JobStatusAsync("gather-jobs", jobId));
        Assert.Equal(0L, await system.ScalarAsync<long>(reminders));
    }

    private static async Task<System.Text.Json.JsonElement> ClaimWithinAsync(TestAgent claimer, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await claimer.ClaimAsync(waitSeconds: 1) is { } task)
            {
                return task;
            }
        }

        throw new TimeoutException($"the job was not queued again within {timeout}");
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
