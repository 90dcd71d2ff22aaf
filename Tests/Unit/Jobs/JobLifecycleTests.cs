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

    [Theory]
    [InlineData(JobStatus.InProgress)]
    [InlineData(JobStatus.Queued)]
    public void Saving_a_queued_or_running_job_leaves_its_run_alone(string status)
    {
        var current = new JobRun(status, Now.AddMinutes(-1));

        Assert.Equal(current, JobLifecycle.OnUpdated(current, Quarterly(), Now));
    }

    [Fact]
    public void Saving_a_finished_job_without_schedule_keeps_its_outcome() =>
        Assert.Equal(new JobRun(JobStatus.Completed, null), JobLifecycle.OnUpdated(new JobRun(JobStatus.Completed, null), null, Now));

    [Fact]
    public void Saving_a_finished_job_with_a_schedule_reschedules_it() =>
        Assert.Equal(new JobRun(JobStatus.Pending, NextQuarter), JobLifecycle.OnUpdated(new JobRun(JobStatus.Failed, null), Quarterly(), Now));

    [Fact]
    public void Run_now_queues_anything_but_a_running_job()
    {
        Assert.Equal(new JobRun(JobStatus.Queued, Now), JobLifecycle.OnRunNow(new JobRun(JobStatus.Completed, null), Now));
        Assert.Null(JobLifecycle.OnRunNow(new JobRun(JobStatus.InProgress, null), Now));
    }
}
