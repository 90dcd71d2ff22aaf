using System.Diagnostics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// The warm-up and the measured window of every figure, and how long an agent works on what it claimed before it
/// completes it (<see cref="TaskTime"/>; zero: at once, as fast as it can).
/// </summary>
public sealed record RunTiming(TimeSpan Warmup, TimeSpan Measured, TimeSpan TaskTime = default);

/// <summary>
/// What happened in a measured window: jobs claimed and completed (a job counts when its completion returned inside
/// the window), claims that found nothing due, failed calls, and the claim round trips.
/// </summary>
public sealed record PipelineResult(long Jobs, long EmptyClaims, long Failures, TimeSpan Window, LatencySummary ClaimLatency, string? FirstFailure)
{
    public double JobsPerSecond => Jobs / Window.TotalSeconds;
}

/// <summary>
/// Runs every worker in its own loop (claim → work for the task time → complete) through a warm-up and a measured window.
/// </summary>
public static class PipelineRun
{
    /// <param name="onWindowEdge">Called when the measured window opens, and once more when it closes (to sample counters).</param>
    public static async Task<PipelineResult> MeasureAsync(IReadOnlyList<IJobWorker> workers, RunTiming timing, Func<Task>? onWindowEdge = null)
    {
        var opensAt = Stopwatch.GetTimestamp() + Ticks(timing.Warmup);
        var closesAt = opensAt + Ticks(timing.Measured);
        var loops = workers.Select(worker => Task.Run(() => LoopAsync(worker, opensAt, closesAt, timing.TaskTime))).ToList();
        if (onWindowEdge is not null)
        {
            await SleepUntilAsync(opensAt);
            await onWindowEdge();
            await SleepUntilAsync(closesAt);
            await onWindowEdge();
        }

        var counts = await Task.WhenAll(loops);
        return new PipelineResult(
            counts.Sum(c => c.Jobs), counts.Sum(c => c.EmptyClaims), counts.Sum(c => c.Failures), timing.Measured,
            LatencyRecorder.Summarize(counts.Select(c => c.Claims)), counts.Select(c => c.FirstFailure).FirstOrDefault(f => f is not null));
    }

    private sealed class LoopCounts
    {
        public long Jobs;
        public long EmptyClaims;
        public long Failures;
        public string? FirstFailure;
        public LatencyRecorder Claims { get; } = new();
    }

    private static async Task<LoopCounts> LoopAsync(IJobWorker worker, long opensAt, long closesAt, TimeSpan taskTime)
    {
        var counts = new LoopCounts();
        while (Stopwatch.GetTimestamp() < closesAt)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var claimed = await worker.ClaimAsync();
                var answered = Stopwatch.GetTimestamp();
                var inWindow = answered >= opensAt && answered < closesAt;
                if (inWindow)
                {
                    counts.Claims.Record(started, answered);
                }

                if (claimed == 0)
                {
                    counts.EmptyClaims += inWindow ? 1 : 0;
                    await Task.Delay(1);
                    continue;
                }

                if (taskTime > TimeSpan.Zero)
                {
                    await Task.Delay(taskTime);
                }

                await worker.CompleteAsync();
                var completed = Stopwatch.GetTimestamp();
                if (completed >= opensAt && completed < closesAt)
                {
                    counts.Jobs += claimed;
                }
            }
            catch (Exception exception)
            {
                counts.Failures++;
                counts.FirstFailure ??= $"{exception.GetType().Name}: {exception.Message}";
                await Task.Delay(10);
            }
        }

        return counts;
    }

    private static async Task SleepUntilAsync(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
