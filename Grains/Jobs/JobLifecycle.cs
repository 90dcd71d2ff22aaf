using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>Where a job stands in its schedule: its status and when it is next due.</summary>
public sealed record JobRun(string Status, DateTime? NextRunAt);

/// <summary>
/// The schedule side of SPEC §2: a scheduled job waits (<c>pending</c>) until its next cron occurrence; a job
/// without a schedule runs once and then stays <c>completed</c>/<c>failed</c> until run now. A running job keeps
/// running whatever is saved; its next run is set when it completes.
/// </summary>
public static class JobLifecycle
{
    /// <summary>A job no agent runs (a manual scrape job): it waits for nothing.</summary>
    public static readonly JobRun Idle = new(JobStatus.Pending, null);

    public static JobRun OnCreated(CronSchedule? schedule, DateTime now, bool runnable = true) =>
        !runnable ? Idle : schedule is null ? new JobRun(JobStatus.Queued, now) : new JobRun(JobStatus.Pending, schedule.NextAfter(now));

    public static JobRun OnUpdated(JobRun current, CronSchedule? schedule, DateTime now, bool runnable = true) => current.Status switch
    {
        JobStatus.InProgress => current,
        _ when !runnable => Idle,
        JobStatus.Queued => current,
        _ when schedule is not null => new JobRun(JobStatus.Pending, schedule.NextAfter(now)),
        JobStatus.Pending => new JobRun(JobStatus.Queued, now),
        _ => current with { NextRunAt = null },
    };

    /// <returns>The queued run, or null when the job is running and cannot be queued again.</returns>
    public static JobRun? OnRunNow(JobRun current, DateTime now) =>
        current.Status == JobStatus.InProgress ? null : new JobRun(JobStatus.Queued, now);
}
