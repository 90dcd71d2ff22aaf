using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class TaskTransitionsTests
{
    private const int MaxAttempts = 3;

    private static readonly DateTime Earlier = Now.AddHours(-1);

    /// <summary>A run in its second try, holding a lease, after a first try that ended without a result.</summary>
    private static readonly JobRunState SecondTry = new(JobStatus.InProgress, Earlier, 1, Earlier, "timed out", Lease(11));

    [Fact]
    public void Due_queues_the_job_and_keeps_its_run_time()
    {
        var waiting = new JobRunState(JobStatus.Completed, NextQuarter, 0, Earlier, null, null);

        Assert.Equal(waiting with { Status = JobStatus.Queued }, TaskTransitions.Due(waiting));
    }

    [Fact]
    public void Claimed_puts_the_job_in_progress_under_the_lease()
    {
        var queued = new JobRunState(JobStatus.Queued, Earlier, 1, Earlier, "timed out", null);

        Assert.Equal(queued with { Status = JobStatus.InProgress, Lease = Lease(12) }, TaskTransitions.Claimed(queued, Lease(12)));
    }

    [Fact]
    public void Renewed_moves_only_the_lease_expiry()
    {
        var expiresAt = Now.AddMinutes(1);

        Assert.Equal(SecondTry with { Lease = SecondTry.HeldLease with { ExpiresAt = expiresAt } }, TaskTransitions.Renewed(SecondTry, expiresAt));
    }

    [Fact]
    public void Completed_with_a_schedule_waits_for_the_next_occurrence() =>
        Assert.Equal(new JobRunState(JobStatus.Completed, NextQuarter, 0, Now, null, null), TaskTransitions.Completed(SecondTry, Quarterly(), Now));

    [Fact]
    public void Completed_without_a_schedule_has_no_next_run() =>
        Assert.Equal(new JobRunState(JobStatus.Completed, null, 0, Now, null, null), TaskTransitions.Completed(SecondTry, null, Now));

    [Fact]
    public void Failed_keeps_the_error_and_waits_for_the_next_occurrence() =>
        Assert.Equal(new JobRunState(JobStatus.Failed, NextQuarter, 0, Now, "boom", null), TaskTransitions.Failed(SecondTry, Quarterly(), Now, "boom"));

    [Fact]
    public void Failed_without_a_schedule_has_no_next_run() =>
        Assert.Equal(new JobRunState(JobStatus.Failed, null, 0, Now, "boom", null), TaskTransitions.Failed(SecondTry, null, Now, "boom"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Retried_before_the_last_attempt_is_queued_again_at_once(int attempt)
    {
        var running = SecondTry with { Attempt = attempt };

        var retried = TaskTransitions.Retried(running, Quarterly(), Now, "lease expired", MaxAttempts);

        Assert.Equal(new JobRunState(JobStatus.Queued, Now, attempt + 1, Earlier, "lease expired", null), retried);
    }

    [Fact]
    public void Retried_on_the_last_attempt_fails_until_the_next_occurrence() =>
        Assert.Equal(
            new JobRunState(JobStatus.Failed, NextQuarter, 0, Now, "lease expired", null),
            TaskTransitions.Retried(SecondTry with { Attempt = 2 }, Quarterly(), Now, "lease expired", MaxAttempts));

    [Fact]
    public void Retried_on_the_last_attempt_without_a_schedule_fails_for_good() =>
        Assert.Equal(
            new JobRunState(JobStatus.Failed, null, 0, Now, "lease expired", null),
            TaskTransitions.Retried(SecondTry with { Attempt = 2 }, null, Now, "lease expired", MaxAttempts));

    [Fact]
    public void A_single_allowed_attempt_fails_at_once() =>
        Assert.Equal(JobStatus.Failed, TaskTransitions.Retried(SecondTry with { Attempt = 0 }, null, Now, "gone", maxAttempts: 1).Status);

    [Theory]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    public void Run_now_queues_anything_not_in_progress_and_starts_over(string status)
    {
        var run = new JobRunState(status, NextQuarter, 2, Earlier, "boom", null);

        Assert.Equal(run with { Status = JobStatus.Queued, NextRunAt = Now, Attempt = 0 }, TaskTransitions.RunNow(run, Now));
    }

    [Fact]
    public void Run_now_refuses_a_job_in_progress() => Assert.Null(TaskTransitions.RunNow(SecondTry, Now));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Saving_a_running_job_leaves_its_run_alone(bool runnable) =>
        Assert.Equal(SecondTry, TaskTransitions.Saved(SecondTry, Quarterly(), runnable, Now));

    [Fact]
    public void Saving_a_queued_job_leaves_its_run_alone()
    {
        var queued = new JobRunState(JobStatus.Queued, Earlier, 1, Earlier, "timed out", null);

        Assert.Equal(queued, TaskTransitions.Saved(queued, Quarterly(), runnable: true, Now));
    }

    [Theory]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    public void Saving_a_finished_job_without_schedule_keeps_its_outcome_and_clears_its_next_run(string status)
    {
        var finished = new JobRunState(status, NextQuarter, 0, Earlier, "boom", null);

        Assert.Equal(finished with { NextRunAt = null }, TaskTransitions.Saved(finished, null, runnable: true, Now));
    }

    [Theory]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    public void Saving_with_a_schedule_reschedules_from_now_and_keeps_the_status(string status)
    {
        var waiting = new JobRunState(status, Earlier, 0, Earlier, null, null);

        Assert.Equal(waiting with { NextRunAt = NextQuarter }, TaskTransitions.Saved(waiting, Quarterly(), runnable: true, Now));
    }

    [Fact]
    public void Saving_a_pending_job_without_schedule_queues_it_now() =>
        Assert.Equal(Queued(Now), TaskTransitions.Saved(Pending(NextQuarter), null, runnable: true, Now));

    [Fact]
    public void A_queued_job_saved_as_manual_goes_back_to_pending_without_a_next_run() =>
        Assert.Equal(Run(JobStatus.Pending), TaskTransitions.Saved(Queued(Earlier), null, runnable: false, Now));

    [Theory]
    [InlineData(JobStatus.Pending)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Failed)]
    public void A_manual_job_keeps_its_status_and_waits_for_nothing(string status)
    {
        var run = new JobRunState(status, NextQuarter, 0, Earlier, null, null);

        Assert.Equal(run with { NextRunAt = null }, TaskTransitions.Saved(run, Quarterly(), runnable: false, Now));
    }
}
