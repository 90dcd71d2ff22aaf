using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class EngineJobTests
{
    /// <summary>
    /// The engine holds its jobs for as long as it is active, so they live in the collector's oldest generation; a run
    /// kept as an object made every claim and completion hang a new object on them, which each collection then had to
    /// find and move (docs/jobs.md, "How it is built").
    /// </summary>
    [Fact]
    public void A_claim_and_its_completion_change_the_run_without_allocating()
    {
        var job = Job(1, Queued());
        var lease = Lease(5);
        ClaimAndComplete(job, lease);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ClaimAndComplete(job, lease);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Every_change_of_the_run_is_counted_even_back_to_an_equal_run()
    {
        var queued = Queued();
        var job = Job(1, queued);

        job.Run = TaskTransitions.Claimed(job.Run, Lease(5));
        job.Run = queued;

        Assert.Equal(queued, job.Run);
        Assert.Equal(2, job.RunChanges);
    }

    [Fact]
    public void The_held_lease_is_asked_only_of_a_running_job()
    {
        Assert.Equal(Lease(5), Running(Lease(5)).HeldLease);
        Assert.Throws<InvalidOperationException>(() => Queued().HeldLease);
    }

    private static void ClaimAndComplete(EngineJob job, TaskLeaseHolder lease)
    {
        job.Run = TaskTransitions.Claimed(job.Run, lease);
        job.Run = TaskTransitions.Completed(job.Run, null, Now);
        job.Run = TaskTransitions.RunNow(job.Run, Now)!.Value;
    }
}
