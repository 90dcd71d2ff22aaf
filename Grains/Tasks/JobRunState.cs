using Planekeeper.Grains.Interfaces.Jobs;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The run columns of a job row, which only the task engine writes. <see cref="Attempt"/> counts the tries of
/// the current run that ended without a result (expired, orphaned or failed retryably).
/// </summary>
public readonly record struct JobRunState(
    string Status,
    DateTime? NextRunAt,
    int Attempt,
    DateTime? LastRunAt,
    string? LastError,
    TaskLeaseHolder? Lease)
{
    public bool IsInProgress => Status == JobStatus.InProgress;

    /// <summary>The lease of a job in progress; only asked of one.</summary>
    public TaskLeaseHolder HeldLease => Lease ?? throw new InvalidOperationException("the job is not in progress: it holds no lease");

    public bool IsQueued => Status == JobStatus.Queued;

    /// <summary>Waiting for its next run time (pending, or completed/failed with a schedule).</summary>
    public bool IsWaiting => Status is JobStatus.Pending or JobStatus.Completed or JobStatus.Failed && NextRunAt is not null;
}
