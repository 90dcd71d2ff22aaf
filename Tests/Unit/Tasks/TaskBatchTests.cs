using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class TaskBatchTests
{
    private static EngineJob JobAtVersion(long id, int persistedRunVersion) =>
        new(new JobRef(JobRef.Gather, id), Definition(), Queued(), persistedRunVersion);

    private static ResultToStore ResultOf(EngineJob job) => new(job.Ref, new TaskResult([], null, null), Now, 0);

    [Fact]
    public void A_new_batch_is_empty() => Assert.True(new TaskBatch().IsEmpty);

    [Fact]
    public void Any_change_makes_the_batch_non_empty()
    {
        var job = JobAtVersion(1, 0);
        var changed = new TaskBatch();
        changed.Changed(job);
        var ended = new TaskBatch();
        ended.Ended.Add(new ExecutionEnded(21, job.Ref, 7, 1, Now, Now, "succeeded", null));
        var results = new TaskBatch();
        results.Results.Add(ResultOf(job));

        Assert.All(new[] { changed, ended, results }, batch => Assert.False(batch.IsEmpty));
    }

    [Fact]
    public void A_job_changed_twice_is_written_once_with_its_latest_run()
    {
        var job = JobAtVersion(1, 4);
        var batch = new TaskBatch();
        batch.Changed(job);
        job.Run = Running(Lease(21));
        batch.Changed(job);

        var write = Assert.Single(batch.TakeRunWrites());

        Assert.Equal(new RunStateWrite(job.Ref, 4, Running(Lease(21))), write);
    }

    [Fact]
    public void Taking_the_writes_advances_the_expected_run_version()
    {
        var job = JobAtVersion(1, 4);
        var batch = new TaskBatch();
        batch.Changed(job);

        batch.TakeRunWrites();
        batch.Changed(job);

        Assert.Equal(5, job.PersistedRunVersion);
        Assert.Equal(5, Assert.Single(batch.TakeRunWrites()).ExpectedRunVersion);
        Assert.Equal(6, job.PersistedRunVersion);
    }

    [Fact]
    public void Taking_the_writes_leaves_none_behind()
    {
        var batch = new TaskBatch();
        batch.Changed(JobAtVersion(1, 0));
        batch.Changed(JobAtVersion(2, 0));

        Assert.Equal(2, batch.TakeRunWrites().Count);
        Assert.Empty(batch.TakeRunWrites());
        Assert.True(batch.IsEmpty);
    }

    [Fact]
    public void A_forgotten_job_has_neither_its_run_nor_its_results_written()
    {
        var gone = JobAtVersion(1, 3);
        var kept = JobAtVersion(2, 3);
        var batch = new TaskBatch();
        batch.Changed(gone);
        batch.Changed(kept);
        batch.Results.Add(ResultOf(gone));
        batch.Results.Add(ResultOf(kept));

        batch.Forget(gone.Ref);

        Assert.Equal(kept.Ref, Assert.Single(batch.TakeRunWrites()).Job);
        Assert.Equal(kept.Ref, Assert.Single(batch.Results).Job);
        Assert.Equal(3, gone.PersistedRunVersion);
    }

    [Fact]
    public void A_forgotten_job_still_has_its_run_end_recorded()
    {
        var gone = JobAtVersion(1, 3);
        var batch = new TaskBatch();
        batch.Changed(gone);
        batch.Ended.Add(new ExecutionEnded(21, gone.Ref, 7, 1, Now, Now, "reset", "the job was deleted while it ran"));

        batch.Forget(gone.Ref);

        Assert.Single(batch.Ended);
        Assert.Empty(batch.TakeRunWrites());
    }

    [Fact]
    public void A_job_changed_again_after_being_forgotten_is_written()
    {
        var job = JobAtVersion(1, 3);
        var batch = new TaskBatch();
        batch.Changed(job);
        batch.Forget(job.Ref);

        batch.Changed(job);

        Assert.Equal(job.Ref, Assert.Single(batch.TakeRunWrites()).Job);
    }
}
