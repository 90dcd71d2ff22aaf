using System.Diagnostics;

namespace Planekeeper.Bench.HealthLatency;

public sealed record LatencyRun(double P50, double P90, double P99, double Max)
{
    public const int Warmup = 200;

    public static async Task<LatencyRun> MeasureAsync(HttpClient http, Uri url, int requests)
    {
        for (var i = 0; i < Warmup; i++)
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var samples = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }

        Array.Sort(samples);
        return new LatencyRun(Percentile(samples, 0.50), Percentile(samples, 0.90), Percentile(samples, 0.99), samples[^1]);
    }

    public string Format(string label) => $"{label,-28}{P50,10:F3}{P90,10:F3}{P99,10:F3}{Max,10:F3}";

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)];
}
