using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>Where a job stands in its schedule: its status and when it is next due.</summary>
public sealed record JobRun(string Status, DateTime? NextRunAt);

/// <summary>
/// Where a new job starts (docs/jobs.md, "Scheduling"): a scheduled job waits (<c>pending</c>) until its next cron
/// occurrence; a job without a schedule is queued at once to run once. From then on the task engine moves it
/// (<see cref="Tasks.TaskTransitions"/>).
/// </summary>
public static class JobLifecycle
{
    /// <summary>A job no agent runs (a manual scrape job): it waits for nothing.</summary>
    public static readonly JobRun Idle = new(JobStatus.Pending, null);

    public static JobRun OnCreated(CronSchedule? schedule, DateTime now, bool runnable = true) =>
        !runnable ? Idle : schedule is null ? new JobRun(JobStatus.Queued, now) : new JobRun(JobStatus.Pending, schedule.NextAfter(now));
}
