using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>Renewed leases and stuck runs, on a clock the test moves instead of the wall clock (docs/jobs.md, "Leases and recovery").</summary>
public class TaskRecoveryClockTests(ClockedTaskEngineSystem system) : IClassFixture<ClockedTaskEngineSystem>
{
    private static readonly TimeSpan Lease = ClockedTaskEngineSystem.Lease;

    private void Advance(TimeSpan by) => system.Clock.AdvanceTo(system.Clock.GetUtcNow() + by);

    [Fact]
    public async Task A_renewed_lease_outlives_its_first_term()
    {
        var (owner, key) = await system.OrganizationAsync("lease-renewal");
        using var ownerClient = owner;
        await owner.CreateGatherJobAsync("long");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var task = (await agent.ClaimAsync())!.Value;
        var firstTerm = task.GetProperty("lease_expires_at").GetDateTime().ToUniversalTime();

        // Renewed two thirds into each term, twice: the clock ends past the first term, and each renewal's term ends
        // a whole lease after it was made.
        for (var renewal = 0; renewal < 2; renewal++)
        {
            Advance(Lease * 2 / 3);
            await agent.HeartbeatAsync();
            var renewedAt = system.Clock.GetUtcNow().UtcDateTime;
            var lease = await raw.OkAsync(HttpMethod.Post, $"/api/v1/agent/tasks/{TestAgent.TaskId(task)}/renew", new { agent_id = agent.Id });
            Assert.True(lease.GetProperty("lease_expires_at").GetDateTime().ToUniversalTime() >= renewedAt + Lease);
        }

        Assert.True(system.Clock.GetUtcNow() > firstTerm);
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));
    }

    [Fact]
    public async Task Operators_reset_jobs_stuck_in_progress()
    {
        var (owner, key) = await system.OrganizationAsync("stuck");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("stuck");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        var task = (await agent.ClaimAsync())!.Value;
        using var admin = await system.AdminAsync();

        await admin.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/internal/jobs/reset-stuck?older_than=soon");
        await owner.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/internal/jobs/reset-stuck?older_than=1s");
        Assert.Equal(0, (await admin.OkAsync(HttpMethod.Post, "/api/v1/internal/jobs/reset-stuck?older_than=1h")).GetProperty("reset").GetInt32());
        Advance(TimeSpan.FromSeconds(2));
        await agent.RenewAsync(TestAgent.TaskId(task));
        Assert.True((await admin.OkAsync(HttpMethod.Post, "/api/v1/internal/jobs/reset-stuck?older_than=1s")).GetProperty("reset").GetInt32() >= 1);

        Assert.Equal("queued", await owner.JobStatusAsync("gather-jobs", jobId));
        Assert.Equal("reset", await system.ScalarAsync<string>($"SELECT outcome FROM task_executions WHERE id = {TestAgent.TaskId(task)}"));
        Assert.Equal(HttpStatusCode.Conflict, await agent.CompleteAsync(task));
    }
}
