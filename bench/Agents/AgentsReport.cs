using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.Agents;

/// <summary>The benchmark's report on standard output, figure by figure as they are measured.</summary>
public static class AgentsReport
{
    /// <summary>An agent counts as offline after three missed heartbeats (AgentSettings.MissedHeartbeats × 15 s).</summary>
    private const double OfflineAfterSeconds = 45;

    private const double Interval = 15;

    public static void Header(AgentsPlan plan, string postgresVersion, long? fileLimit) => Console.WriteLine(
        $"Agents — {Environment.ProcessorCount} cores, PostgreSQL {postgresVersion}; {plan.Organizations:N0} organizations × {plan.AgentsPerOrganization} idle client agents " +
        $"(a key each), {plan.BusyAgents} busy agents in one more organization ({plan.QueuedJobs:N0} queued gather jobs); heartbeat every {Interval:0} s, " +
        $"long-poll {IdleAgent.WaitSeconds} s; open-file limit {fileLimit?.ToString("N0") ?? "unknown"}; busy windows {plan.Timing.Warmup.TotalSeconds:0} s warm-up + " +
        $"{plan.Timing.Measured.TotalSeconds:0} s, rest windows {plan.Rest.TotalSeconds:0} s");

    public static void Seeded(AgentsPlan plan, TimeSpan took) =>
        Console.WriteLine($"  seeded {plan.Organizations + 1:N0} organizations and {plan.IdleAgents + plan.BusyAgents:N0} API keys through the grains in {took.TotalSeconds:F1} s");

    public static void Busy(string title, BusyFigures figures)
    {
        var (run, claim) = (figures.Run, figures.Run.ClaimLatency);
        Console.WriteLine(
            $"{title,-58} claim p50 {claim.P50,7:F2} ms  p99 {claim.P99,7:F2} ms  max {claim.Max,7:F1} ms  ({claim.Samples:N0} claims, {run.JobsPerSecond:N0} jobs/s)" +
            (run.EmptyClaims > 0 ? $"  DRY: {run.EmptyClaims:N0} claims found nothing" : "") +
            (run.Failures > 0 ? $"  INVALID: {run.Failures:N0} failed calls, first: {run.FirstFailure}" : ""));
        Console.WriteLine($"      {figures.Cpu?.ToString() ?? "CPU: not measured (not Linux)"}");
        var (operations, duration) = figures.RoundTrips;
        Console.WriteLine(
            $"      silo: GC paused {figures.Pauses.Total.TotalMilliseconds:N0} ms in the window ({figures.Pauses.Gen2Collections} gen2 collections); " +
            $"database round trips {operations / run.Window.TotalSeconds:N0}/s, {(operations == 0 ? 0 : duration.TotalMilliseconds / operations):F2} ms each");
    }

    public static void Rest(string title, RestFigures rest, AgentsPlan plan)
    {
        Console.WriteLine($"{title,-58} WebFrontend RSS {rest.FrontendMiB,7:N1} MiB   silo (this process) RSS {rest.SiloMiB,7:N1} MiB");
        Console.WriteLine($"      {rest.Cpu?.ToString() ?? "CPU: not measured (not Linux)"}");
        if (rest.FleetAfter is { } fleet)
        {
            Console.WriteLine(
                $"      heartbeats served {rest.HeartbeatsPerSecond:N0}/s (due {plan.IdleAgents / Interval:N0}/s), {rest.HeartbeatFailures:N0} failed; " +
                $"long-polls held now {fleet.ClaimsHeld:N0}");
        }
    }

    public static void Connected(AgentsPlan plan, TimeSpan registered, TimeSpan settled, FleetReading reading) => Console.WriteLine(
        $"  {plan.IdleAgents:N0} idle agents registered (first heartbeat each, 32 at a time) in {registered.TotalSeconds:F1} s; " +
        $"{reading.AgentsStarted:N0} beating and long-polling after {settled.TotalSeconds:F1} s ({reading.ClaimsHeld:N0} long-polls held)");

    public static void IdleDuringBusy(FleetReading before, FleetReading after, TimeSpan window) => Console.WriteLine(
        $"      idle agents meanwhile: heartbeats served {(after.Heartbeats - before.Heartbeats) / window.TotalSeconds:N0}/s, " +
        $"{after.HeartbeatFailures - before.HeartbeatFailures:N0} failed; long-polls held {after.ClaimsHeld:N0}");

    /// <summary>The baseline is the better of the two figures alone (before and after the idle agents): the stricter comparison.</summary>
    public static void Summary(AgentsPlan plan, BusyFigures aloneBefore, BusyFigures aloneAfter, BusyFigures loaded, RestFigures empty, RestFigures full, FleetReading fleet, long online)
    {
        var frontendKiB = (full.FrontendMiB - empty.FrontendMiB) * 1024 / plan.IdleAgents;
        var siloKiB = (full.SiloMiB - empty.SiloMiB) * 1024 / plan.IdleAgents;
        Console.WriteLine(
            $"memory per idle agent: WebFrontend {frontendKiB:N1} KiB, silo {siloKiB:N1} KiB  ((3) − (2) RSS / {plan.IdleAgents:N0}; " +
            $"CPU at rest {full.Cpu?.Frontend ?? 0:F2} frontend + {full.Cpu?.Bench ?? 0:F2} silo cores for {plan.IdleAgents:N0} idle agents)");
        Console.WriteLine(
            $"idle agents over the whole run: {fleet.Heartbeats:N0} heartbeats, {fleet.HeartbeatFailures:N0} failed; longest gap between two of one agent " +
            $"{fleet.LongestHeartbeatGapSeconds:F1} s (offline after {OfflineAfterSeconds:0} s); online now by the database {online:N0} of {plan.IdleAgents:N0}; " +
            $"long-polls: {fleet.ClaimsEmpty:N0} ended empty ({fleet.ClaimsCutShort:N0} before {IdleAgent.WaitSeconds - 1} s), {fleet.ClaimsWithTask:N0} with a task, " +
            $"{fleet.ClaimFailures:N0} failed" + (fleet.FirstFailure is { } first ? $"; first failure: {first}" : ""));
        var stayedOnline = fleet.HeartbeatFailures == 0 && fleet.LongestHeartbeatGapSeconds < OfflineAfterSeconds && online == plan.IdleAgents;
        Console.WriteLine($"every idle agent stayed online: {(stayedOnline ? "yes" : "no")}");
        var alone = aloneBefore.Run.ClaimLatency.P99 <= aloneAfter.Run.ClaimLatency.P99 ? aloneBefore : aloneAfter;
        var ratio = loaded.Run.ClaimLatency.P99 / alone.Run.ClaimLatency.P99;
        var valid = aloneBefore.Run.Failures == 0 && aloneAfter.Run.Failures == 0 && loaded.Run.Failures == 0 && stayedOnline;
        Console.WriteLine(
            $"target: busy claim p99 beside {plan.IdleAgents:N0} idle agents ≤ 2× alone: {(valid && ratio <= 2 ? "met" : "not met")} " +
            $"({loaded.Run.ClaimLatency.P99:F2} ms vs {alone.Run.ClaimLatency.P99:F2} ms alone, the better of (1) and (5) = {ratio:F2}×" + (valid ? ")" : "; the run had failures)"));
    }
}
