using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>A long-polling claim, with the job queued only once the engine is known to hold the claim waiting.</summary>
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
        await Eventually.ReturnsAsync(() => Task.FromResult(system.WaitingClaims.Count), count => count == 1, TimeSpan.FromSeconds(15), "the claim waiting in the engine");
        var jobId = await owner.CreateGatherJobAsync("arrives later");
        var task = await waiting;
        Assert.Equal(jobId, TestAgent.JobId(task!.Value));
    }
}
