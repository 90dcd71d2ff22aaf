using System.Diagnostics.Metrics;

namespace Planekeeper.Grains.Alerts;

/// <summary>The alert meters of the <c>Planekeeper</c> meter, exported on the silo's <c>/metrics</c> (docs/operations.md, "Metrics").</summary>
public sealed class AlertMetrics
{
    public const string MeterName = "Planekeeper";

    /// <summary>Seconds, from a quick in-memory verdict to a slow database: the buckets ASP.NET Core uses for request durations.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _purged;
    private readonly Histogram<double> _evaluationDuration;

    public AlertMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _purged = meter.CreateCounter<long>("planekeeper.alerts.purged", unit: "{alert}", description: "Resolved alerts deleted by the retention purge");
        _evaluationDuration = meter.CreateHistogram(
            "planekeeper.alert.evaluation.duration", unit: "s", description: "How long an alert config's evaluation took, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void AlertsPurged(int count) => _purged.Add(count);

    /// <param name="outcome">The evaluation's outcome (created, unchanged, no_alert, waiting_for_inputs, …).</param>
    public void Evaluated(string outcome, TimeSpan duration) =>
        _evaluationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
