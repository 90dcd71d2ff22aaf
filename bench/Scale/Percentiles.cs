namespace Planekeeper.Bench.Scale;

/// <summary>p50, p99 and max of a set of durations in milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double Max, int Samples)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, 0);
        }

        var sorted = milliseconds.Order().ToArray();
        double At(double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1], sorted.Length);
    }

    public override string ToString() => $"p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms ({Samples:N0})";
}
