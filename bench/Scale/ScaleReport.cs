using Planekeeper.Grains.Tasks;

namespace Planekeeper.Bench.Scale;

/// <summary>Prints each size's figures as it ends, then how they grow and the targets (issue 18, point 3).</summary>
public static class ScaleReport
{
    private const double TwoGiB = 2048;

    public static void Header(IReadOnlyList<int> sizes) => Console.WriteLine(
        $"""
        Scale: organizations × 100 scheduled gather jobs (hourly, due times spread over the hour) — {Environment.ProcessorCount} cores
        sizes {string.Join(" / ", sizes.Select(jobs => jobs.ToString("N0")))} jobs, each in a child process (one silo) on a fresh database;
        baselines: the empty silo's RSS (same process, before seeding), a claim at an already active engine, and the smallest size for growth
        """);

    public static void Size(SizeFigures f)
    {
        Console.WriteLine();
        Console.WriteLine($"{f.Jobs:N0} jobs, {f.Organizations:N0} organizations (seeded in {f.SeedSeconds:F0} s, whole size {f.TotalSeconds:F0} s)");
        Console.WriteLine($"  silo RSS: empty {f.EmptyRssMiB:N0} MiB; at rest {f.RestRssMiB:N0} MiB ({f.ActivationsAtRest:N0} engines active); " +
                          $"every engine holding its jobs {f.HoldingRssMiB:N0} MiB ({f.ActivationsHolding:N0} engines); running peak {f.RunningPeakRssMiB:N0} MiB " +
                          $"({f.ActivationsRunningPeak:N0} engines at most)");
        Console.WriteLine($"  per job held: {f.RssBytesPerJob:N0} B of RSS, {f.HeapBytesPerJob:N0} B of managed heap (after a full collection)");
        Console.WriteLine($"  first claim after idle (activation, loads 100 jobs): {f.FirstClaim}; {f.RoundTripsPerActivation:F1} database round trips per activation");
        Console.WriteLine($"  baseline, claim at an active engine:                 {f.ActiveClaim}");
        Console.WriteLine($"  sweep's read per organization (100 rows):            {f.SweepRead}");
        Console.WriteLine($"  idle engines all collected {f.IdleCollectionSeconds:F0} s after their last call (the default collection age, 2 min, checked every 5 s)");
        Console.WriteLine($"  schedule written {f.ScheduledAheadSeconds:F0} s before the window's first job is due (the wake-up scan looks {EngineWakeUpGrain.Lookahead.TotalSeconds:0} s ahead)");
        Console.WriteLine($"  due → claimed, {f.Agents} server agents draining for {SizeRun.Window.TotalSeconds:0} s: {f.Lag}; " +
                          $"{f.Claimed:N0} of {f.DueInWindow:N0} due jobs claimed{(f.Failures > 0 ? $", {f.Failures} failed calls" : "")}; " +
                          $"{f.RoundTripsPerRun:F1} silo database round trips per run (wake-up scans included)");
        Console.WriteLine($"    by when due ({DrainingAgents.Slice.TotalSeconds:0} s slices): p50 / p99 " +
                          string.Join(", ", f.LagBySlice.Select(slice => $"{slice.P50:F0} / {slice.P99:F0} ms")));
        Console.WriteLine($"    the agents' calls: claim {f.ClaimCalls}; completion {f.CompleteCalls}; {f.EmptyClaims:N0} claims came back empty; agents busy {f.AgentsBusyShare:P0} of the time");
        Console.WriteLine($"    engines active every 10 s from {f.ActiveSamplingFromSeconds:F0} s after the window's start: {string.Join(" ", f.ActiveEnginesBySecond.Where((_, i) => i % 10 == 0).Select(n => n.ToString("N0")))}");
        Console.WriteLine($"    the silo's collector paused it every 10 s from then (ms; generation 2 collections in brackets): " +
                          string.Join(" ", CollectorSample.Spans(f.CollectorBySecond, 10).Select(span => $"{span.PausedMs:F0}{(span.Gen2 > 0 ? $"({span.Gen2})" : "")}")));
        Console.WriteLine($"  while draining: {f.RunCpu}");
        Console.WriteLine($"  PostgreSQL database after seeding: {f.DatabaseMiB:N0} MiB");
    }

    public static void Growth(IReadOnlyList<SizeFigures> sizes)
    {
        Console.WriteLine();
        Console.WriteLine($"{"growth",-12}{"RSS/job",10}{"heap/job",10}{"activation p50",16}{"sweep read p50",16}{"lag p99",10}");
        foreach (var f in sizes)
        {
            Console.WriteLine($"{f.Jobs,12:N0}{f.RssBytesPerJob,8:N0} B{f.HeapBytesPerJob,8:N0} B{f.FirstClaim.P50,13:F1} ms{f.SweepRead.P50,13:F1} ms{f.Lag.P99,7:F0} ms");
        }

        var largest = sizes[^1];
        var previous = sizes.Count > 1 ? sizes[^2] : largest;
        var memory = largest.Jobs == 1_000_000
            ? $"{Math.Max(largest.HoldingRssMiB, largest.RunningPeakRssMiB):N0} MiB at 1,000,000 jobs: {(Math.Max(largest.HoldingRssMiB, largest.RunningPeakRssMiB) < TwoGiB ? "met" : "not met")}"
            : $"not measured (largest size {largest.Jobs:N0} jobs)";
        Console.WriteLine($"target: silo RSS < 2 GiB for 1,000,000 jobs — {memory}");
        var worstLag = sizes.Max(f => f.Lag.P99);
        Console.WriteLine($"target: due → claimed p99 < 1 s at every size — worst {worstLag:F0} ms: {(worstLag < 1000 && sizes.All(f => f.Claimed == f.DueInWindow) ? "met" : "not met")}");
        var growth = new[]
        {
            ("RSS per job", largest.RssBytesPerJob, previous.RssBytesPerJob),
            ("activation per organization", largest.FirstClaim.P50, previous.FirstClaim.P50),
            ("sweep read per organization", largest.SweepRead.P50, previous.SweepRead.P50),
        };
        var linear = growth.All(item => item.Item2 <= item.Item3 * 1.5 || item.Item2 - item.Item3 < 1);
        Console.WriteLine($"target: cost grows linearly or better (per-item cost at {largest.Jobs:N0} jobs ≤ 1.5× at {previous.Jobs:N0}) — " +
                          string.Join(", ", growth.Select(item => $"{item.Item1} {item.Item2 / item.Item3:F2}×")) + $": {(linear ? "met" : "not met")}");
    }
}
