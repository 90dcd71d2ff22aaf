using System.Diagnostics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A Planekeeper figure: the run, how long the engine took to activate, how it batched its writes, how long its claims
/// and writes took inside the silo, and how long the garbage collector paused the silo (this process) in the window.
/// </summary>
public sealed record PlanekeeperResult(PipelineResult Run, TimeSpan EngineActivation, EngineBatches Batches, CpuUse? Cpu, GcPauses SiloPauses, EngineTimes EngineTimes);

/// <summary>
/// Planekeeper's job cycle (a1, a2, d): for each measurement a fresh organization whose gather jobs are seeded before its
/// task engine activates, agents that heartbeat once, then every agent loops claim → complete.
/// </summary>
public sealed class PlanekeeperPipeline(BenchDatabase database, IGrainFactory grains, long ownerUserId)
{
    public delegate Task<IJobWorker> AgentStarter(PlanekeeperOrganization organization, string agentName);

    public static async Task<PlanekeeperPipeline> CreateAsync(BenchDatabase database, PlanekeeperSilo silo) =>
        new(database, silo.Grains, await PlanekeeperOrganization.SignUpOwnerAsync(silo.Grains));

    /// <param name="frontendProcessId">The WebFrontend child the agents go through, if any, to tell its CPU apart.</param>
    public async Task<PlanekeeperResult> MeasureAsync(string name, int agents, int queuedJobs, AgentStarter startAgent, RunTiming timing, int? frontendProcessId = null)
    {
        var organization = await PlanekeeperOrganization.CreateAsync(grains, ownerUserId, $"bench {name}");
        await organization.SeedGatherJobsAsync(database, queuedJobs);
        var workers = await Task.WhenAll(Enumerable.Range(1, agents).Select(i => startAgent(organization, $"{name}-agent-{i}")));

        // The first claim activates the engine, which loads every job of the organization: not part of any window.
        var activation = Stopwatch.StartNew();
        if (await workers[0].ClaimAsync() > 0)
        {
            await workers[0].CompleteAsync();
        }

        activation.Stop();
        var profile = new EngineProfile(database, organization.Id);
        var cpu = new CpuMeter(await database.PostmasterProcessIdAsync(), frontendProcessId);
        using var siloRoundTrips = new DatabaseOperationMeter(PlanekeeperSilo.ApplicationName);
        using var engineTimings = new EngineTimings();
        var pauses = new SiloPauses();
        var run = await PipelineRun.MeasureAsync(workers, timing, async () =>
        {
            cpu.Sample();
            pauses.Sample();
            siloRoundTrips.Sample();
            engineTimings.Sample();
            await profile.SampleAsync();
        });
        return new PlanekeeperResult(run, activation.Elapsed, await profile.SummarizeAsync(run, siloRoundTrips.InWindow()), cpu.Summarize(), pauses.InWindow(), engineTimings.InWindow());
    }
}
