using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// A long-polling claim, with the job queued only once the engine is known to list the claim waiting. A long-poll of
/// 2 s or more is held by the frontend: the engine lists it and no claim call stays open in the silo meanwhile.
/// </summary>
public class ClaimLongPollTests(ClockedTaskEngineSystem system) : IClassFixture<ClockedTaskEngineSystem>
{
    [Fact]
    public async Task A_long_polling_agent_receives_a_job_queued_while_it_waits_and_otherwise_gets_204()
    {
        var (owner, key) = await system.OrganizationAsync("long-poll");
        using var ownerClient = owner;
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(await agent.ClaimAsync(waitSeconds: 1));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);

        var waiting = agent.ClaimAsync(waitSeconds: 20);
        await Eventually.ReturnsAsync(() => Task.FromResult(system.WaitingClaims.Held), count => count == 1, TimeSpan.FromSeconds(15), "the claim listed in the engine");
        Assert.Equal(0, system.WaitingClaims.InCall);
        var jobId = await owner.CreateGatherJobAsync("arrives later");
        var task = await waiting;
        Assert.Equal(jobId, TestAgent.JobId(task!.Value));
        Assert.Equal(0, system.WaitingClaims.InCall);
    }

    [Fact]
    public async Task A_job_queued_after_a_held_long_poll_ended_empty_goes_to_the_next_claim_not_to_the_ended_wait()
    {
        var (owner, key) = await system.OrganizationAsync("ended-long-poll");
        using var ownerClient = owner;
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        Assert.Null(await agent.ClaimAsync(waitSeconds: 2));
        var jobId = await owner.CreateGatherJobAsync("after the wait");

        var task = await Eventually.ReturnsAsync(() => agent.ClaimAsync(), claimed => claimed is not null, TimeSpan.FromSeconds(10), "the job claimed");
        Assert.Equal(jobId, TestAgent.JobId(task!.Value));
    }
}
