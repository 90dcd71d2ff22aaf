namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// Figure (e): the loop of (d2) — 100 HTTP agents of one slot, each claiming one task and completing it, as fast as it
/// can — against <see cref="NullAgentApi"/> instead of the WebFrontend. Its CPU per job is what the HTTP exchanges
/// alone cost on this machine (the agents' client side, Kestrel, the kernel's loopback), and with the CPU per job of
/// (d1) it bounds how fast the (d2) loop can go round on these cores.
/// </summary>
public static class HttpFloor
{
    /// <summary>
    /// The null server is a fresh process, while the frontend has served three figures before (d2): a short warm-up
    /// would measure its JIT compiler, not HTTP.
    /// </summary>
    private static readonly TimeSpan LeastWarmup = TimeSpan.FromSeconds(5);

    public static async Task<BaselineResult> MeasureAsync(BenchDatabase database, RunTiming timing)
    {
        await using var server = await NullAgentApi.StartAsync();
        using var http = HttpAgent.Client(server.BaseAddress, BenchPlan.LatencyAgents);
        var nobody = new PlanekeeperOrganization(1, 1, "pk_null_agent_api");
        var workers = await Task.WhenAll(Enumerable.Range(1, BenchPlan.LatencyAgents)
            .Select(i => HttpAgent.HeartbeatAsync(http, nobody, $"e-agent-{i}", claimNext: false, slots: 1)));
        var cpu = new CpuMeter(await database.PostmasterProcessIdAsync(), server.ProcessId, frontendName: "null Agent API");
        var warm = timing with { Warmup = timing.Warmup > LeastWarmup ? timing.Warmup : LeastWarmup };
        var run = await PipelineRun.MeasureAsync(workers, warm, () =>
        {
            cpu.Sample();
            return Task.CompletedTask;
        });
        return new BaselineResult(run, cpu.Summarize());
    }
}
