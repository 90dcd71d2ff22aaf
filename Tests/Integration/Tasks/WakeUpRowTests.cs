using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// An organization's wake-up row (docs/jobs.md, "How it is built") is never later than what its engine must next be
/// awake for: a new job lowers it to its first run, a claim keeps it at or before the run's start, and an engine going
/// idle raises it to its next moment, so that the wake-up scan leaves the idle engine alone.
/// </summary>
public class WakeUpRowTests(IdleEngineSystem system) : IClassFixture<IdleEngineSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_new_scheduled_job_brings_its_organizations_row_to_its_first_run()
    {
        var (owner, _) = await system.OrganizationAsync("row-first-run");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("daily", schedule: $"0 {(system.Clock.GetUtcNow().Hour + 12) % 24} * * *");

        var firstRun = await system.ScalarAsync<DateTime>($"SELECT next_run_at FROM gather_jobs WHERE id = {jobId}");
        Assert.Equal(firstRun, await WakeAtAsync(jobId));
    }

    [Fact]
    public async Task A_run_keeps_the_row_at_or_before_its_start_and_the_engine_raises_it_when_it_goes_idle()
    {
        var (owner, key) = await system.OrganizationAsync("row-run-once");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("once");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var task = await agent.ClaimAsync();
        Assert.NotNull(task);
        var startedAt = await system.ScalarAsync<DateTime>($"SELECT started_at FROM gather_jobs WHERE id = {jobId}");
        Assert.True(await WakeAtAsync(jobId) <= startedAt);

        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task.Value));

        // A run-once job has no next run: the engine is idle, and the row goes to infinity.
        await Eventually.ReturnsAsync(
            () => system.ScalarAsync<bool>($"SELECT wake_at = 'infinity' FROM task_engine_wake_ups WHERE organization_id = (SELECT organization_id FROM gather_jobs WHERE id = {jobId})"),
            raised => raised, Patience, "the row's recomputation");
    }

    private Task<DateTime> WakeAtAsync(long gatherJobId) => system.ScalarAsync<DateTime>(
        $"SELECT wake_at FROM task_engine_wake_ups WHERE organization_id = (SELECT organization_id FROM gather_jobs WHERE id = {gatherJobId})");
}
