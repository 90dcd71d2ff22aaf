namespace Planekeeper.Bench.JobPipeline;

/// <summary>Prints each figure as it is measured, then the ratios and the target.</summary>
public static class Report
{
    private const int LabelWidth = 62;

    public static void Header(BenchDatabase database, string serverVersion, BenchPlan plan) => Console.WriteLine(
        $"""
        Job pipeline: claim → complete (one release) — {Environment.ProcessorCount} cores, PostgreSQL {serverVersion}, database {database.Name}
        every figure: {plan.Timing.Warmup.TotalSeconds:0} s warm-up, then {plan.Timing.Measured.TotalSeconds:0} s measured; a job counts when its completion returned in the window

        """);

    public static void Throughput(string label, int agents, BaselineResult result, string unit = "jobs/s")
    {
        Throughput(label, agents, result.Run, unit);
        Cpu(result.Cpu);
    }

    private static void Throughput(string label, int agents, PipelineResult run, string unit = "jobs/s")
    {
        Console.WriteLine($"{label,-LabelWidth}{agents,4} agents {run.JobsPerSecond,10:N0} {unit}");
        Warnings(run);
    }

    public static void Planekeeper(string label, int agents, PlanekeeperResult? result)
    {
        if (result is null)
        {
            NotMeasured(label);
            return;
        }

        Throughput(label, agents, result.Run);
        Cpu(result.Cpu);
        Engine(result);
    }

    /// <summary>How the engine group-committed in the window, and the silo's database round trips.</summary>
    private static void Engine(PlanekeeperResult result)
    {
        if (result.Run.Failures > 0)
        {
            return;
        }

        var batches = result.Batches;
        Console.WriteLine(
            $"      engine: activation {result.EngineActivation.TotalSeconds:F1} s; {batches.WriteTransactions:N0} write transactions in the window " +
            $"({batches.WritesPerSecond:N0}/s, {batches.MeanWriteMs:F2} ms apart), {batches.TransitionsPerWrite:F1} claims+completions per write " +
            $"({batches.CompletionsPerBatch:F1} completions per batch with completions)");
        Console.WriteLine(
            $"      silo database round trips: {batches.RoundTripsPerWrite:F1} per write, {batches.RoundTripMsPerWrite:F2} ms per write in all; " +
            $"claim p50 {result.Run.ClaimLatency.P50:F2} ms, p99 {result.Run.ClaimLatency.P99:F2} ms");
    }

    public static void Latency(string label, int agents, PlanekeeperResult? result)
    {
        if (result is null)
        {
            NotMeasured(label);
            return;
        }

        Latency(label, agents, result.Run, result.Cpu);
        Engine(result);
        EngineShare(result);
        Console.WriteLine(
            $"      the silo's garbage collector paused it {result.SiloPauses.Total.TotalMilliseconds:N0} ms in the window, in {result.SiloPauses.Collections:N0} collections " +
            $"({result.SiloPauses.MeanPauseMs:F2} ms each on average; {result.SiloPauses.Gen2Collections} of generation 2)");
    }

    /// <summary>The engine's part of a claim (from its arrival in the engine to its durable write) beside the agents' whole round trip.</summary>
    private static void EngineShare(PlanekeeperResult result)
    {
        var (engine, agents) = (result.EngineTimes, result.Run.ClaimLatency);
        if (result.Run.Failures > 0 || engine.Claims.Samples == 0)
        {
            return;
        }

        Console.WriteLine(
            $"      in the engine: a claim p50 {engine.Claims.P50:F2} ms, p99 {engine.Claims.P99:F2} ms from its arrival to its durable write " +
            $"(the claims' writes p50 {engine.ClaimsWrites.P50:F2}, p99 {engine.ClaimsWrites.P99:F2} ms; the reports' writes p50 {engine.ReportsWrites.P50:F2}, p99 {engine.ReportsWrites.P99:F2} ms); " +
            $"the agents' round trip around it (calls to the engine and back) adds p50 {agents.P50 - engine.Claims.P50:F2} ms, p99 {agents.P99 - engine.Claims.P99:F2} ms");
    }

    public static void Latency(string label, int agents, BaselineResult result) => Latency(label, agents, result.Run, result.Cpu);

    private static void Latency(string label, int agents, PipelineResult run, CpuUse? cpu)
    {
        var claims = run.ClaimLatency;
        Console.WriteLine($"{label,-LabelWidth}{agents,4} agents   claim p50 {claims.P50,6:F2} ms  p99 {claims.P99,6:F2} ms  max {claims.Max,6:F1} ms  ({claims.Samples:N0} claims, {run.JobsPerSecond:N0} jobs/s)");
        Warnings(run);
        Cpu(cpu);
        if (cpu is not null && run.Jobs > 0)
        {
            Console.WriteLine($"      {CpuPerJob(run, cpu):N0} µs of CPU per job (claim + complete) in all the loop's processes; a round of the loop {RoundMs(run):F2} ms on average");
        }
    }

    public static void NotMeasured(string label) =>
        Console.WriteLine($"{label,-LabelWidth}not measured: calls of an earlier figure failed, the silo is not trusted any more");

    public static void Summary(PlanekeeperFigures planekeeper, BaselineResult skipLocked, BaselineResult batched, BaselineResult httpFloor)
    {
        var (b, c) = (skipLocked.Run.JobsPerSecond, batched.Run.JobsPerSecond);
        Console.WriteLine(
            $"""

            ratios                        (a1) grain calls   (a2) HTTP
              a/b  (b = {b,8:N0} jobs/s)   {Ratio(planekeeper.Grains, b, "F2", "×"),13}   {Ratio(planekeeper.Http, b, "F2", "×"),10}
              a/c  (c = {c,8:N0} rows/s)   {Ratio(planekeeper.Grains, c, "P1", ""),13}   {Ratio(planekeeper.Http, c, "P1", ""),10}
              (a2) report / (a2c) one complete per task: {Ratio(planekeeper.Http, planekeeper.HttpPerTask?.Run.JobsPerSecond ?? double.NaN, "F2", "×")}
            target: (a2) ≥ 2× (b) and (a1) ≥ 50 % of (c), in this run: {(Valid(planekeeper.Http) && planekeeper.Http!.Run.JobsPerSecond >= 2 * b && Valid(planekeeper.Grains) && planekeeper.Grains!.Run.JobsPerSecond >= 0.5 * c ? "met" : "not met")} (a1: {Verdict(planekeeper.Grains, b, c)}; a2: {Verdict(planekeeper.Http, b, c)})
            target: claim p99 < 10 ms with {BenchPlan.LatencyAgents} agents: {(ClaimP99Met(planekeeper.GrainLatency) && ClaimP99Met(planekeeper.HttpLatency) ? "met" : "not met")} (d1 {ClaimP99(planekeeper.GrainLatency)}, d2 {ClaimP99(planekeeper.HttpLatency)})
            """);
        HttpBound(planekeeper.GrainLatency, httpFloor, planekeeper.HttpLatency);
        Console.WriteLine(
            $"beside it, not the target's loop: claim p99 of {BenchPlan.LatencyAgents} agents working {BenchPlan.WorkingTaskTime.TotalMilliseconds:0} ms on each task " +
            $"(f1 {ClaimP99(planekeeper.GrainLatencyAtWork)}, f2 {ClaimP99(planekeeper.HttpLatencyAtWork)}): " +
            $"{(ClaimP99Met(planekeeper.GrainLatencyAtWork) && ClaimP99Met(planekeeper.HttpLatencyAtWork) ? "under" : "not under")} 10 ms");
    }

    /// <summary>
    /// The least CPU a job of the (d2) loop can take on this machine — (d1)'s per job, plus the HTTP exchanges alone,
    /// (e)'s per job — and so, since every core can do at most one second of work per second, the shortest average round
    /// (claim + complete) that <see cref="BenchPlan.LatencyAgents"/> agents can have over HTTP: agents × CPU per job / cores.
    /// </summary>
    private static void HttpBound(PlanekeeperResult? grainLatency, BaselineResult httpFloor, PlanekeeperResult? httpLatency)
    {
        if (grainLatency?.Cpu is not { } grainCpu || !Valid(grainLatency) || httpFloor.Cpu is not { } floorCpu || httpFloor.Run is { Jobs: 0 } or { Failures: > 0 })
        {
            return;
        }

        var leastPerJob = CpuPerJob(grainLatency.Run, grainCpu) + CpuPerJob(httpFloor.Run, floorCpu);
        var shortestRoundMs = BenchPlan.LatencyAgents * leastPerJob / 1_000 / floorCpu.Cores;
        var measured = httpLatency is { Cpu: { } httpCpu } && Valid(httpLatency)
            ? $"; (d2) took {CpuPerJob(httpLatency.Run, httpCpu):N0} µs per job, {RoundMs(httpLatency.Run):F2} ms per round"
            : "";
        Console.WriteLine(
            $"bound for (d2) on this machine: a job over HTTP needs at least (d1) {CpuPerJob(grainLatency.Run, grainCpu):N0} µs + (e) {CpuPerJob(httpFloor.Run, floorCpu):N0} µs " +
            $"= {leastPerJob:N0} µs of CPU, so {BenchPlan.LatencyAgents} agents on {floorCpu.Cores} cores go round (claim + complete) in at least " +
            $"{shortestRoundMs:F2} ms on average{measured}");
    }

    private static double CpuPerJob(PipelineResult run, CpuUse cpu) => cpu.Loop / run.JobsPerSecond * 1e6;

    private static double RoundMs(PipelineResult run) => BenchPlan.LatencyAgents / run.JobsPerSecond * 1_000;

    private const double ClaimP99TargetMs = 10;

    private static bool Valid(PlanekeeperResult? a) => a is { Run.Failures: 0 };

    private static bool ClaimP99Met(PlanekeeperResult? d) => Valid(d) && d!.Run.ClaimLatency.P99 < ClaimP99TargetMs;

    private static string ClaimP99(PlanekeeperResult? d) => d is null ? "not measured" : $"p99 {d.Run.ClaimLatency.P99:F2} ms";

    private static string Ratio(PlanekeeperResult? a, double baseline, string format, string suffix) =>
        a is null ? "—" : (a.Run.JobsPerSecond / baseline).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + suffix;

    private static string Verdict(PlanekeeperResult? a, double b, double c) => a switch
    {
        null => "not measured",
        { Run.Failures: > 0 } => $"INVALID, {a.Run.Failures:N0} calls failed",
        _ => $"{(a.Run.JobsPerSecond >= 2 * b ? "≥" : "<")} 2× (b), {(a.Run.JobsPerSecond >= 0.5 * c ? "≥" : "<")} 50 % of (c)",
    };

    private static void Cpu(CpuUse? cpu)
    {
        if (cpu is not null)
        {
            Console.WriteLine($"      {cpu}");
        }
    }

    private static void Warnings(PipelineResult run)
    {
        if (run.EmptyClaims > 0)
        {
            Console.WriteLine($"      warning: {run.EmptyClaims:N0} claims found the queue empty — seed more jobs; the figure is a lower bound");
        }

        if (run.Failures > 0)
        {
            var first = run.FirstFailure!.Length > 240 ? run.FirstFailure[..240] + "…" : run.FirstFailure;
            Console.WriteLine($"      INVALID: {run.Failures:N0} calls failed, the figure does not stand; the first: {first}");
        }
    }
}
