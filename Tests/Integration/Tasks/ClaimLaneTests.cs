using System.Net;
using Npgsql;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine writes claims in a lane of their own (docs/jobs.md, "How it is built"): a claim is answered once its
/// own write is durable, not after a write of completions that happens to be in flight.
/// </summary>
public class ClaimLaneTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_claim_is_answered_while_the_write_of_another_jobs_completion_waits_on_a_lock()
    {
        var (owner, key) = await system.OrganizationAsync("claim-lane");
        using var ownerClient = owner;
        var completedJob = await owner.CreateGatherJobAsync("completed under a lock");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        var running = (await agent.ClaimAsync())!.Value;
        var claimedJob = await owner.CreateGatherJobAsync("claimed meanwhile");

        await using var locker = new NpgsqlConnection(system.Database.ConnectionString);
        await locker.OpenAsync();
        await using var lockHeld = await locker.BeginTransactionAsync();
        await new NpgsqlCommand($"SELECT 1 FROM gather_jobs WHERE id = {completedJob} FOR UPDATE", locker, lockHeld).ExecuteScalarAsync();
        var completion = agent.CompleteAsync(running);
        await Eventually.ReturnsAsync(
            () => system.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"),
            waiting => waiting == 1, Patience, "the completion's write waiting on the row lock");

        var claimed = await agent.ClaimAsync().WaitAsync(Patience);

        Assert.Equal(claimedJob, TestAgent.JobId(claimed!.Value));
        Assert.False(completion.IsCompleted);
        await lockHeld.RollbackAsync();
        Assert.Equal(HttpStatusCode.OK, await completion.WaitAsync(Patience));
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(claimed.Value));
        Assert.Equal(2L, await system.ScalarAsync<long>(
            $"SELECT count(*) FROM task_executions WHERE job_id IN ({completedJob}, {claimedJob}) AND outcome = 'succeeded'"));
    }
}
