using System.Diagnostics.Metrics;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The task engine's counters on the <c>Planekeeper</c> meter, exported on the silo's <c>/metrics</c>
/// (docs/operations.md, "Metrics"). Labelled by job kind and outcome only, so their series stay few.
/// </summary>
public sealed class TaskMetrics
{
    private readonly Counter<long> _claimed;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _leasesExpired;

    public TaskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AlertMetrics.MeterName);
        _claimed = meter.CreateCounter<long>("planekeeper.jobs.claimed", unit: "{task}", description: "Jobs handed to agents as tasks, by job kind");
        _completed = meter.CreateCounter<long>(
            "planekeeper.jobs.completed", unit: "{task}", description: "Tasks that ended, by job kind and outcome as the task history records it");
        _leasesExpired = meter.CreateCounter<long>(
            "planekeeper.job.leases.expired", unit: "{task}", description: "Tasks whose agent did not renew the lease in time, by job kind");
    }

    public void Claimed(string kind) => _claimed.Add(1, Kind(kind));

    /// <param name="outcome">succeeded, failed, retrying, lease_expired, agent_offline or reset.</param>
    public void Ended(string kind, string outcome) => _completed.Add(1, Kind(kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void LeaseExpired(string kind) => _leasesExpired.Add(1, Kind(kind));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
