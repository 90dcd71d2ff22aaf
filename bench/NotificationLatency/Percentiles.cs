namespace Planekeeper.Bench.NotificationLatency;

/// <summary>p50, p99 and max of a set of latencies in milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double Max, int Count)
{
    public static Percentiles Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1], sorted.Count);
    }

    public override string ToString() => $"p50 {P50,8:F2} ms   p99 {P99,8:F2} ms   max {Max,8:F2} ms   ({Count:N0})";
}
