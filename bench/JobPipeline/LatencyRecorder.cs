using System.Diagnostics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>Round-trip times of one worker loop (not thread-safe: one recorder per loop, merged at the end).</summary>
public sealed class LatencyRecorder
{
    private readonly List<long> _ticks = [];

    public void Record(long startTimestamp, long endTimestamp) => _ticks.Add(endTimestamp - startTimestamp);

    public static LatencySummary Summarize(IEnumerable<LatencyRecorder> recorders)
    {
        var sorted = recorders.SelectMany(recorder => recorder._ticks).Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0)
            : new LatencySummary(sorted.Length, Milliseconds(Percentile(sorted, 0.50)), Milliseconds(Percentile(sorted, 0.99)), Milliseconds(sorted[^1]));
    }

    private static long Percentile(long[] sorted, double fraction) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Percentiles of the round trips recorded in a measured window, in milliseconds.</summary>
public sealed record LatencySummary(int Samples, double P50, double P99, double Max);
