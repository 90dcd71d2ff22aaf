namespace Planekeeper.Bench.JobPipeline;

/// <summary>Planekeeper's figures of one run; a figure is null when it was not measured.</summary>
public sealed record PlanekeeperFigures(
    PlanekeeperResult? Grains, PlanekeeperResult? GrainLatency, PlanekeeperResult? GrainLatencyAtWork,
    PlanekeeperResult? Http, PlanekeeperResult? HttpPerTask, PlanekeeperResult? HttpLatency, PlanekeeperResult? HttpLatencyAtWork)
{
    /// <summary>
    /// Measures (a1), (d1) and (f1) over grain calls on a silo in this process, then starts the WebFrontend and measures
    /// (a2), (a2c), (d2) and (f2) over HTTP, printing each figure. Once calls fail (time out), the silo is not trusted any more and the
    /// remaining figures are not measured: a hung engine keeps a core busy and would distort them.
    /// </summary>
    public static async Task<PlanekeeperFigures> MeasureAsync(BenchDatabase database, BenchPlan plan)
    {
        await using var silo = await PlanekeeperSilo.StartAsync(database);
        var pipeline = await PlanekeeperPipeline.CreateAsync(database, silo);
        // (a) cycles as the Agent program runs them (its slots, complete with claim_next); (d) times explicit claims of one task.
        PlanekeeperPipeline.AgentStarter grainAgent = (organization, name) => GrainAgent.HeartbeatAsync(silo.Grains, organization, name, claimNext: true, plan.Slots);
        PlanekeeperPipeline.AgentStarter grainClaimer = (organization, name) => GrainAgent.HeartbeatAsync(silo.Grains, organization, name, claimNext: false, slots: 1);

        var grains = await pipeline.MeasureAsync("a1", BenchPlan.Agents, plan.GrainJobs, grainAgent, plan.Timing);
        Report.Planekeeper($"(a1) Planekeeper, direct grain calls, {Slots(plan)} each", BenchPlan.Agents, grains);
        var grainLatency = await MeasureIfHealthyAsync([grains], () => pipeline.MeasureAsync("d1", BenchPlan.LatencyAgents, plan.GrainJobs, grainClaimer, plan.Timing));
        Report.Latency("(d1) Planekeeper claim latency, direct grain calls", BenchPlan.LatencyAgents, grainLatency);
        var grainAtWork = await MeasureIfHealthyAsync([grains, grainLatency],
            () => pipeline.MeasureAsync("f1", BenchPlan.LatencyAgents, plan.WorkingJobs, grainClaimer, plan.WorkingTiming));
        Report.Latency($"(f1) the same, each task worked on for {BenchPlan.WorkingTaskTime.TotalMilliseconds:0} ms", BenchPlan.LatencyAgents, grainAtWork);
        if (Failed(grains, grainLatency, grainAtWork))
        {
            Report.NotMeasured("(a2), (d2) and (f2), over HTTP");
            return new PlanekeeperFigures(grains, grainLatency, grainAtWork, null, null, null, null);
        }

        await using var frontend = await ServerProcess.StartFrontendAsync(database);
        using var http = HttpAgent.Client(frontend.BaseAddress, Math.Max(BenchPlan.Agents * plan.Slots, BenchPlan.LatencyAgents));
        PlanekeeperPipeline.AgentStarter httpAgent = (organization, name) => HttpAgent.HeartbeatAsync(http, organization, name, claimNext: true, plan.Slots);
        PlanekeeperPipeline.AgentStarter httpClaimer = (organization, name) => HttpAgent.HeartbeatAsync(http, organization, name, claimNext: false, slots: 1);
        var overHttp = await pipeline.MeasureAsync("a2", BenchPlan.Agents, plan.HttpJobs, httpAgent, plan.Timing, frontend.ProcessId);
        Report.Planekeeper($"(a2) Planekeeper, HTTP, {Slots(plan)} each, report", BenchPlan.Agents, overHttp);
        // The previous way in the same run, for comparison: one complete request (with claim_next) per task.
        PlanekeeperPipeline.AgentStarter perTaskAgent = (organization, name) =>
            HttpAgent.HeartbeatAsync(http, organization, name, claimNext: true, plan.Slots, reportTogether: false);
        var perTask = await MeasureIfHealthyAsync([overHttp], () => pipeline.MeasureAsync("a2c", BenchPlan.Agents, plan.HttpPerTaskJobs, perTaskAgent, plan.Timing, frontend.ProcessId));
        Report.Planekeeper($"(a2c) the same, one complete per task (before)", BenchPlan.Agents, perTask);
        var httpLatency = await MeasureIfHealthyAsync([overHttp, perTask], () => pipeline.MeasureAsync("d2", BenchPlan.LatencyAgents, plan.HttpJobs, httpClaimer, plan.Timing, frontend.ProcessId));
        Report.Latency("(d2) Planekeeper claim latency, HTTP", BenchPlan.LatencyAgents, httpLatency);
        var httpAtWork = await MeasureIfHealthyAsync([overHttp, perTask, httpLatency],
            () => pipeline.MeasureAsync("f2", BenchPlan.LatencyAgents, plan.WorkingJobs, httpClaimer, plan.WorkingTiming, frontend.ProcessId));
        Report.Latency($"(f2) the same, each task worked on for {BenchPlan.WorkingTaskTime.TotalMilliseconds:0} ms", BenchPlan.LatencyAgents, httpAtWork);
        return new PlanekeeperFigures(grains, grainLatency, grainAtWork, overHttp, perTask, httpLatency, httpAtWork);
    }

    private static string Slots(BenchPlan plan) => plan.Slots == 1 ? "1 slot" : $"{plan.Slots} slots";

    private static async Task<PlanekeeperResult?> MeasureIfHealthyAsync(PlanekeeperResult?[] earlier, Func<Task<PlanekeeperResult>> measure) =>
        Failed(earlier) ? null : await measure();

    private static bool Failed(params PlanekeeperResult?[] results) => results.Any(result => result is null || result.Run.Failures > 0);
}
