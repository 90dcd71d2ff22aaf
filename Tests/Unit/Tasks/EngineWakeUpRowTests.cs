using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

public class EngineWakeUpRowTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_running_job_counts_from_its_start_a_queued_one_from_its_due_time_a_waiting_one_at_its_next_run()
    {
        var lease = new TaskLeaseHolder(7, 3, Now.AddSeconds(-4), Now.AddSeconds(26));
        Assert.Equal(Now.AddSeconds(-4), EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.InProgress, null, 0, null, null, lease), runnable: true, Now));
        Assert.Equal(Now.AddSeconds(-9), EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.Queued, Now.AddSeconds(-9), 0, null, null, null), runnable: true, Now));
        Assert.Equal(Now, EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.Queued, null, 0, null, null, null), runnable: true, Now));
        Assert.Equal(Now.AddHours(1), EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.Completed, Now.AddHours(1), 0, Now, null, null), runnable: true, Now));
    }

    [Fact]
    public void A_job_agents_do_not_run_or_with_no_next_run_needs_no_engine()
    {
        Assert.Null(EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.Pending, Now.AddHours(1), 0, null, null, null), runnable: false, Now));
        Assert.Null(EngineWakeUpRow.MomentOf(new JobRunState(JobStatus.Completed, null, 0, Now, null, null), runnable: true, Now));
    }

    [Fact]
    public void A_write_lowers_the_row_only_to_a_moment_earlier_than_the_row()
    {
        var row = new EngineWakeUpRow();
        row.Loaded(null);
        Assert.Equal(Now.AddMinutes(5), row.LowerTo([null, Now.AddMinutes(5), Now.AddMinutes(9)]));
        row.Lowered(Now.AddMinutes(5));

        Assert.Null(row.LowerTo([Now.AddMinutes(6), null]));
        Assert.Null(row.LowerTo([]));
        Assert.Equal(Now, row.LowerTo([Now]));
        row.Lowered(Now);
        row.Lowered(Now.AddMinutes(1));
        Assert.Equal(Now, row.Stored);
    }

    [Fact]
    public void The_row_is_recomputed_only_by_an_idle_engine_when_it_is_early_by_more_than_the_slack()
    {
        var row = new EngineWakeUpRow();
        row.Loaded(Now.AddSeconds(-10));

        Assert.False(row.ShouldRecompute(Now.AddMinutes(10), busy: true, Now));
        Assert.True(row.ShouldRecompute(Now.AddMinutes(10), busy: false, Now));
        Assert.True(row.ShouldRecompute(null, busy: false, Now));
        Assert.False(row.ShouldRecompute(Now.AddSeconds(-10) + EngineWakeUpRow.Slack, busy: false, Now));

        row.Loaded(null);
        Assert.False(row.ShouldRecompute(Now.AddMinutes(10), busy: false, Now));
    }

    [Fact]
    public void The_row_is_recomputed_at_most_once_per_period()
    {
        var row = new EngineWakeUpRow();
        row.Loaded(Now.AddSeconds(-10));
        row.Recomputing(Now);
        row.Recomputed(Now.AddMinutes(10));
        row.Lowered(Now.AddSeconds(1));

        Assert.False(row.ShouldRecompute(Now.AddMinutes(10), busy: false, Now.AddSeconds(2)));
        Assert.True(row.ShouldRecompute(Now.AddMinutes(10), busy: false, Now + EngineWakeUpRow.RecomputeEvery));
    }
}
