using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// A scheduled job becomes claimable at its next_run_at through the engine's timer, not a periodic scan. Measured on
/// the real clock with the server's own timestamps (the run's started_at minus next_run_at), so client and
/// network delays do not count; the bound is the documented 1 s (docs/jobs.md, "Scheduling"). Waits for the next whole
/// minute (up to 60 s).
/// </summary>
public class DueJobLatencyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_long_polling_agent_gets_a_scheduled_job_within_one_second_of_its_next_run()
    {
        var (owner, key) = await system.OrganizationAsync("due");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("every minute", schedule: "* * * * *");
        var nextRunAt = (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}")).GetProperty("next_run_at").GetDateTime();
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "poller");

        System.Text.Json.JsonElement? task = null;
        while (task is null && DateTime.UtcNow < nextRunAt.ToUniversalTime().AddSeconds(30))
        {
            task = await agent.ClaimAsync(waitSeconds: WaitSpanningTheRun(nextRunAt.ToUniversalTime() - DateTime.UtcNow));
        }

        Assert.NotNull(task);
        var startedAt = await system.ScalarAsync<DateTime>($"SELECT started_at FROM gather_jobs WHERE lease_id = {TestAgent.TaskId(task.Value)}");
        var late = startedAt - nextRunAt.ToUniversalTime();
        Assert.InRange(late, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A long-poll takes jobs only until a second before it ends (docs/jobs.md): the wait held when the job falls due
    /// must end well after it, or the job would wait for the agent's next claim, which is not what this test measures.
    /// </summary>
    private static int WaitSpanningTheRun(TimeSpan untilDue) =>
        untilDue > TimeSpan.FromSeconds(20) ? 10 : Math.Clamp((int)Math.Ceiling(untilDue.TotalSeconds) + 5, 5, 25);
}
