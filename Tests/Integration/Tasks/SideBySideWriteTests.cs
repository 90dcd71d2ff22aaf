using System.Net;
using System.Text.Json;
using Npgsql;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine writes a batch of other jobs beside the one still in flight (docs/jobs.md, "How it is built"): a
/// claim is not held up by another job's write, the held-up claim is answered once its own write is durable, and a
/// write that fails fails only its own claims — the job it would have handed out is handed out again.
/// </summary>
public class SideBySideWriteTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_claim_is_answered_while_another_jobs_claim_waits_on_a_row_lock()
    {
        var (owner, key) = await system.OrganizationAsync("side-by-side");
        using var ownerClient = owner;
        var lockedJob = await owner.CreateGatherJobAsync("locked");
        var freeJob = await owner.CreateGatherJobAsync("free");
        using var waiting = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "waiting");
        using var free = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "free");

        await QueuedAsync(lockedJob, freeJob);
        await using var locks = await LockAsync(lockedJob);
        var held = waiting.TryClaimAsync();
        await Eventually.ReturnsAsync(BlockedEngineWritesAsync, count => count == 1, Patience, "the first claim's write waiting on the locked row");

        var task = (await free.ClaimAsync().WaitAsync(Patience))!.Value;
        Assert.Equal(freeJob, TestAgent.JobId(task));
        Assert.Equal(HttpStatusCode.OK, await free.CompleteAsync(task).WaitAsync(Patience));
        Assert.False(held.IsCompleted, "the locked job's claim is answered only once its write is durable");

        await locks.Transaction.RollbackAsync();
        var (status, claimed, text) = await held.WaitAsync(Patience);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(lockedJob, TestAgent.JobId(claimed!.Value));
        Assert.Equal(HttpStatusCode.OK, await waiting.CompleteAsync(claimed.Value));
        foreach (var job in new[] { lockedJob, freeJob })
        {
            Assert.Equal("completed", await system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {job}"));
            Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {job} AND outcome = 'succeeded'"));
        }
    }

    [Fact]
    public async Task A_write_failing_while_another_is_in_flight_fails_only_its_claim_and_its_job_is_handed_out_again()
    {
        var (owner, key) = await system.OrganizationAsync("side-by-side-failure");
        using var ownerClient = owner;
        var lockedJob = await owner.CreateGatherJobAsync("locked");
        var freeJob = await owner.CreateGatherJobAsync("free");
        using var waiting = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "waiting");
        using var free = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "free");

        await QueuedAsync(lockedJob, freeJob);
        await using var locks = await LockAsync(lockedJob);
        var held = waiting.TryClaimAsync();
        await Eventually.ReturnsAsync(BlockedEngineWritesAsync, count => count == 1, Patience, "the first claim's write waiting on the locked row");
        var task = (await free.ClaimAsync().WaitAsync(Patience))!.Value;
        Assert.Equal(freeJob, TestAgent.JobId(task));

        await TerminateBlockedEngineWriteAsync();
        var (status, _, _) = await held.WaitAsync(Patience);
        Assert.NotEqual(HttpStatusCode.OK, status);
        await locks.Transaction.RollbackAsync();

        // The failed claim was never durable; the claim written beside it was, and its agent still holds its job.
        Assert.Equal("queued", await system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {lockedJob}"));
        Assert.Equal(TestAgent.TaskId(task), await system.ScalarAsync<long>($"SELECT lease_id FROM gather_jobs WHERE id = {freeJob}"));
        await Eventually.ReturnsAsync(() => free.CompleteAsync(task), answer => answer == HttpStatusCode.OK, Patience, "the restarted engine takes the durable claim's completion");
        var again = await Eventually.ReturnsAsync(() => waiting.TryClaimAsync(), answer => answer.Status == HttpStatusCode.OK, Patience, "the locked job handed out again");
        Assert.Equal(lockedJob, TestAgent.JobId(again.Task!.Value));
    }

    /// <summary>Both jobs queued in the database: the engine wrote them due, and writes nothing more of them before a claim.</summary>
    private Task QueuedAsync(long first, long second) =>
        Eventually.ReturnsAsync(
            () => system.ScalarAsync<long>($"SELECT count(*) FROM gather_jobs WHERE id IN ({first}, {second}) AND status = 'queued'"),
            count => count == 2, Patience, "both jobs queued");

    private sealed record RowLock(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    /// <summary>Holds the job's row locked (as another writer would) until the transaction ends.</summary>
    private async Task<RowLock> LockAsync(long gatherJobId)
    {
        var connection = new NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var lockRow = new NpgsqlCommand($"SELECT id FROM gather_jobs WHERE id = {gatherJobId} FOR UPDATE", connection, transaction);
        await lockRow.ExecuteNonQueryAsync();
        return new RowLock(connection, transaction);
    }

    private const string BlockedEngineWrite =
        "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE gather_jobs AS j%'";

    private Task<long> BlockedEngineWritesAsync() => system.ScalarAsync<long>($"SELECT count(*) {BlockedEngineWrite}");

    /// <summary>The engine's write loses its connection, as when the database restarts under it.</summary>
    private Task<bool> TerminateBlockedEngineWriteAsync() => system.ScalarAsync<bool>($"SELECT bool_and(pg_terminate_backend(pid)) {BlockedEngineWrite}");
}
