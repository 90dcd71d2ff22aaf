using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class JobRunStateTests
{
    [Theory]
    [InlineData(JobStatus.Pending, true, true)]
    [InlineData(JobStatus.Completed, true, true)]
    [InlineData(JobStatus.Failed, true, true)]
    [InlineData(JobStatus.Pending, false, false)]
    [InlineData(JobStatus.Completed, false, false)]
    [InlineData(JobStatus.Failed, false, false)]
    [InlineData(JobStatus.Queued, true, false)]
    [InlineData(JobStatus.InProgress, true, false)]
    public void Only_a_pending_or_finished_job_with_a_next_run_is_waiting(string status, bool hasNextRun, bool waiting) =>
        Assert.Equal(waiting, Run(status, hasNextRun ? NextQuarter : null).IsWaiting);

    [Theory]
    [InlineData(JobStatus.Pending, false, false)]
    [InlineData(JobStatus.Queued, true, false)]
    [InlineData(JobStatus.InProgress, false, true)]
    [InlineData(JobStatus.Completed, false, false)]
    public void Queued_and_in_progress_follow_the_status(string status, bool queued, bool inProgress)
    {
        var run = Run(status, NextQuarter);

        Assert.Equal((queued, inProgress), (run.IsQueued, run.IsInProgress));
    }
}
