using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// Idle task engines leave memory and are activated again before their next job is due (docs/jobs.md, "How it is
/// built"): an organization with nothing due within a minute holds no activation once its engine's collection age has
/// passed (2 s here), and the wake-up scan brings the engine back in time to queue the job.
/// </summary>
public class IdleEngineTests(IdleEngineSystem system) : IClassFixture<IdleEngineSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_idle_engine_is_collected_while_one_with_a_queued_job_stays()
    {
        var (busyOwner, _) = await system.OrganizationAsync("busy-engine");
        using var busyClient = busyOwner;
        var busy = await OrganizationOfAsync(await busyOwner.CreateGatherJobAsync("queued now"));
        var (idleOwner, _) = await system.OrganizationAsync("idle-engine");
        using var idleClient = idleOwner;
        var idle = await OrganizationOfAsync(await idleOwner.CreateGatherJobAsync("daily", schedule: DailyFarFromNow()));
        Assert.True(await system.EngineIsActiveAsync(idle));

        await Eventually.ReturnsAsync(() => system.EngineIsActiveAsync(idle), active => !active, Patience, "the idle engine's collection");

        // The busy engine was idle for longer (it was called first) and is still active: its queued job keeps it.
        Assert.True(await system.EngineIsActiveAsync(busy));
    }

    [Fact]
    public async Task A_scheduled_job_of_an_organization_whose_engine_was_collected_is_queued_and_claimed_when_due()
    {
        var (owner, key) = await system.OrganizationAsync("woken-engine");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("daily", schedule: DailyFarFromNow());
        var organization = await OrganizationOfAsync(jobId);
        var nextRunAt = await system.ScalarAsync<DateTime>($"SELECT next_run_at FROM gather_jobs WHERE id = {jobId}");
        await Eventually.ReturnsAsync(() => system.EngineIsActiveAsync(organization), active => !active, Patience, "the idle engine's collection");

        system.Clock.AdvanceTo(new DateTimeOffset(DateTime.SpecifyKind(nextRunAt, DateTimeKind.Utc)) - TimeSpan.FromSeconds(3));

        // Nothing calls the engine: the wake-up scan activates it, and its timer queues the job at next_run_at.
        await Eventually.ReturnsAsync(() => system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {jobId}"), status => status == "queued", Patience, "the job's queueing");
        Assert.True(await system.EngineIsActiveAsync(organization));
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        var task = await agent.ClaimAsync();
        Assert.NotNull(task);
        Assert.Equal(jobId, TestAgent.JobId(task.Value));
    }

    private Task<long> OrganizationOfAsync(long gatherJobId) =>
        system.ScalarAsync<long>($"SELECT organization_id FROM gather_jobs WHERE id = {gatherJobId}");

    /// <summary>A daily schedule twelve hours from the test's clock: nothing is due within the next minute.</summary>
    private string DailyFarFromNow() => $"0 {(system.Clock.GetUtcNow().Hour + 12) % 24} * * *";
}
