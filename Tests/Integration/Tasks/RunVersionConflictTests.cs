using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine's write is one implicit transaction (docs/jobs.md, "How it is built"): when a job's row was changed
/// behind the engine's back, the whole batch is rolled back — no run state, no execution, no release — and the engine
/// starts over from the database.
/// </summary>
public class RunVersionConflictTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_completion_whose_job_row_changed_meanwhile_writes_nothing_and_is_taken_after_the_engine_reloads()
    {
        var (owner, key) = await system.OrganizationAsync("run-version-conflict");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("changed-behind");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        var task = (await agent.ClaimAsync())!.Value;
        var taskId = TestAgent.TaskId(task);

        await system.ScalarAsync<int>($"WITH bumped AS (UPDATE gather_jobs SET run_version = run_version + 1 WHERE id = {jobId} RETURNING 1) SELECT count(*)::int FROM bumped");
        Assert.NotEqual(HttpStatusCode.OK, await agent.CompleteAsync(task));

        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {jobId}"));
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE id = {taskId}"));
        Assert.Equal($"in_progress {taskId}", await system.ScalarAsync<string>($"SELECT status || ' ' || lease_id FROM gather_jobs WHERE id = {jobId}"));

        await Eventually.ReturnsAsync(() => agent.CompleteAsync(task), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(20),
            "the engine, reloaded from the database, takes the completion");
        Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {jobId}"));
        Assert.Equal("succeeded", await system.ScalarAsync<string>($"SELECT outcome FROM task_executions WHERE id = {taskId}"));
    }
}
