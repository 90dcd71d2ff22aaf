using System.Diagnostics.Metrics;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The task engine's counters and timings on the <c>Planekeeper</c> meter, exported on the silo's <c>/metrics</c>
/// (docs/operations.md, "Metrics"). Labelled by job kind, outcome and write lane only, so their series stay few.
/// </summary>
public sealed class TaskMetrics
{
    /// <summary>Seconds, from a write of a few rows on an idle database (about a millisecond) to one stuck behind a slow disk.</summary>
    private static readonly IReadOnlyList<double> WriteBuckets = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _claimed;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _leasesExpired;
    private readonly Histogram<double> _claimDuration;
    private readonly Histogram<double> _writeDuration;

    public TaskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AlertMetrics.MeterName);
        _claimed = meter.CreateCounter<long>("planekeeper.jobs.claimed", unit: "{task}", description: "Jobs handed to agents as tasks, by job kind");
        _completed = meter.CreateCounter<long>(
            "planekeeper.jobs.completed", unit: "{task}", description: "Tasks that ended, by job kind and outcome as the task history records it");
        _leasesExpired = meter.CreateCounter<long>(
            "planekeeper.job.leases.expired", unit: "{task}", description: "Tasks whose agent did not renew the lease in time, by job kind");
        _claimDuration = meter.CreateHistogram(
            "planekeeper.job.claim.duration", unit: "s", description: "How long a task engine took to answer a claim that found due jobs, until its write was durable",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WriteBuckets });
        _writeDuration = meter.CreateHistogram(
            "planekeeper.job.write.duration", unit: "s", description: "How long each write of a task engine took in the database, by write lane",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WriteBuckets });
    }

    public void Claimed(string kind) => _claimed.Add(1, Kind(kind));

    /// <param name="outcome">succeeded, failed, retrying, lease_expired, agent_offline or reset.</param>
    public void Ended(string kind, string outcome) => _completed.Add(1, Kind(kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void LeaseExpired(string kind) => _leasesExpired.Add(1, Kind(kind));

    /// <summary>A claim that found due jobs, from the engine receiving it to its write being durable (waiting included).</summary>
    public void ClaimAnswered(TimeSpan duration) => _claimDuration.Record(duration.TotalSeconds);

    /// <param name="lane"><see cref="EngineWrites.ClaimsLane"/> or <see cref="EngineWrites.ReportsLane"/>.</param>
    public void Written(string lane, TimeSpan duration) => _writeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("lane", lane));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
