using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Tests.Unit.Jobs;

public class JobLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 7, 0, DateTimeKind.Utc);
    private static readonly DateTime NextQuarter = new(2026, 11, 28, 10, 15, 0, DateTimeKind.Utc);

    private static CronSchedule Quarterly()
    {
        CronSchedule.TryParse("*/15 * * * *", out var schedule, out _);
        return schedule!;
    }

    [Fact]
    public void A_scheduled_job_starts_pending_until_its_next_occurrence() =>
        Assert.Equal(new JobRun(JobStatus.Pending, NextQuarter), JobLifecycle.OnCreated(Quarterly(), Now));

    [Fact]
    public void A_job_without_schedule_is_queued_at_once() =>
        Assert.Equal(new JobRun(JobStatus.Queued, Now), JobLifecycle.OnCreated(null, Now));
}
