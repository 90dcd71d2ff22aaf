using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// How a job's run moves (docs/jobs.md, "Statuses" and "Scheduling"), as pure functions of its state, its schedule and
/// the time. A scheduled job keeps its last outcome (completed/failed) as status until its next run time, when it is
/// queued again; a job without a schedule stays completed or failed until run now.
/// </summary>
public static class TaskTransitions
{
    /// <summary>Reached its next run time: waits for an agent.</summary>
    public static JobRunState Due(JobRunState run) => run with { Status = JobStatus.Queued };

    public static JobRunState Claimed(JobRunState run, TaskLeaseHolder lease) => run with { Status = JobStatus.InProgress, Lease = lease };

    public static JobRunState Renewed(JobRunState run, DateTime expiresAt) => run with { Lease = run.HeldLease with { ExpiresAt = expiresAt } };

    public static JobRunState Completed(JobRunState run, CronSchedule? schedule, DateTime now) =>
        new(JobStatus.Completed, schedule?.NextAfter(now), 0, now, null, null);

    /// <summary>The run failed for good: the job waits for its next occurrence, or for run now.</summary>
    public static JobRunState Failed(JobRunState run, CronSchedule? schedule, DateTime now, string error) =>
        new(JobStatus.Failed, schedule?.NextAfter(now), 0, now, error, null);

    /// <summary>
    /// The try ended without a result (lease expired, agent offline, reset, retryable failure): queued again
    /// at once, or failed when this was the last allowed attempt.
    /// </summary>
    public static JobRunState Retried(JobRunState run, CronSchedule? schedule, DateTime now, string error, int maxAttempts) =>
        run.Attempt + 1 >= maxAttempts
            ? Failed(run, schedule, now, error)
            : run with { Status = JobStatus.Queued, NextRunAt = now, Attempt = run.Attempt + 1, LastError = error, Lease = null };

    /// <returns>The queued run, or null when the job is running and cannot be queued again.</returns>
    public static JobRunState? RunNow(JobRunState run, DateTime now) =>
        run.IsInProgress ? null : run with { Status = JobStatus.Queued, NextRunAt = now, Attempt = 0 };

    /// <summary>
    /// The definition was saved: a new schedule applies from now; a running or queued job keeps its run. A job
    /// no agent runs (manual) waits for nothing.
    /// </summary>
    public static JobRunState Saved(JobRunState run, CronSchedule? schedule, bool runnable, DateTime now) => run.Status switch
    {
        JobStatus.InProgress => run,
        _ when !runnable => run with { Status = run.Status == JobStatus.Queued ? JobStatus.Pending : run.Status, NextRunAt = null },
        JobStatus.Queued => run,
        _ when schedule is not null => run with { NextRunAt = schedule.NextAfter(now) },
        JobStatus.Pending => run with { Status = JobStatus.Queued, NextRunAt = now },
        _ => run with { NextRunAt = null },
    };
}
