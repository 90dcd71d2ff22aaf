using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class EngineJobsTests
{
    private static readonly ClaimingAgent Gatherer = ClientAgent(["gather"]);

    private static EngineJobs With(params EngineJob[] jobs)
    {
        var all = new EngineJobs();
        foreach (var job in jobs)
        {
            all.Add(job);
        }

        return all;
    }

    [Fact]
    public void The_oldest_queued_job_is_claimed_first()
    {
        var oldest = Job(2, Queued(At(-5)));
        var jobs = With(Job(1, Queued(At(-1))), oldest, Job(3, Queued(At(-3))));

        Assert.Same(oldest, jobs.FirstClaimableBy(Gatherer));
        Assert.Equal([2L, 3L, 1L], jobs.QueuedInOrder.Select(job => job.Ref.Id));
    }

    [Fact]
    public void Jobs_queued_for_the_same_time_are_claimed_in_the_order_they_were_queued()
    {
        var first = Job(5, Queued(Now));
        var second = Job(4, Queued(Now));
        var jobs = With(first, second);

        Assert.Same(first, jobs.FirstClaimableBy(Gatherer));

        jobs.SetRun(first, Pending(NextQuarter));
        jobs.SetRun(first, Queued(Now));

        Assert.Same(second, jobs.FirstClaimableBy(Gatherer));
    }

    [Fact]
    public void Only_queued_jobs_are_claimable()
    {
        var jobs = With(
            Job(1, Pending(At(-10))),
            Job(2, Running(Lease(20))),
            Job(3, Run(JobStatus.Completed, At(-10))),
            Job(4, Run(JobStatus.Failed)));

        Assert.Null(jobs.FirstClaimableBy(Gatherer));
        Assert.Empty(jobs.QueuedInOrder);
    }

    [Fact]
    public void A_job_the_agent_lacks_the_capability_for_is_skipped()
    {
        var gather = Job(2, Queued(At(0)));
        var jobs = With(Job(1, Queued(At(-5)), kind: JobRef.Scrape), gather);

        Assert.Same(gather, jobs.FirstClaimableBy(Gatherer));
        Assert.Null(jobs.FirstClaimableBy(ClientAgent(["helm_sync"])));
    }

    [Fact]
    public void A_job_naming_a_credential_goes_only_to_an_agent_holding_it()
    {
        var jobs = With(Job(1, Queued(), credential: "ghcr"));

        Assert.Null(jobs.FirstClaimableBy(ClientAgent(["gather"], "other")));
        Assert.Same(jobs.Get(new JobRef(JobRef.Gather, 1)), jobs.FirstClaimableBy(ClientAgent(["gather"], "ghcr")));
    }

    [Fact]
    public void A_server_agent_skips_jobs_naming_a_credential()
    {
        var open = Job(2, Queued(At(0)));
        var jobs = With(Job(1, Queued(At(-5)), credential: "ghcr"), open);

        Assert.Same(open, jobs.FirstClaimableBy(ServerAgent(["gather"], "ghcr")));

        jobs.Remove(open);

        Assert.Null(jobs.FirstClaimableBy(ServerAgent(["gather"], "ghcr")));
    }

    [Fact]
    public void Server_claimable_counts_queued_jobs_without_a_credential()
    {
        var jobs = With(
            Job(1, Queued()),
            Job(2, Queued(), credential: "ghcr"),
            Job(3, Pending(NextQuarter)),
            Job(4, Queued(), runnable: false));

        Assert.Equal(1, jobs.ServerClaimable);
    }

    [Fact]
    public void Server_claimable_follows_the_run_of_a_job()
    {
        var job = Job(1, Pending(NextQuarter));
        var jobs = With(job);

        jobs.SetRun(job, Queued());
        Assert.Equal(1, jobs.ServerClaimable);

        jobs.SetRun(job, Queued(At(1)));
        Assert.Equal(1, jobs.ServerClaimable);

        jobs.SetRun(job, Running(Lease(20)));
        Assert.Equal(0, jobs.ServerClaimable);

        jobs.SetRun(job, Queued());
        jobs.Remove(job);
        Assert.Equal(0, jobs.ServerClaimable);
    }

    [Fact]
    public void Server_claimable_follows_the_definition_of_a_queued_job()
    {
        var job = Job(1, Queued());
        var jobs = With(job);

        jobs.SetDefinition(job, Definition(credential: "ghcr"));
        Assert.Equal(0, jobs.ServerClaimable);

        jobs.SetDefinition(job, Definition());
        Assert.Equal(1, jobs.ServerClaimable);

        jobs.SetDefinition(job, Definition(runnable: false));
        Assert.Equal(0, jobs.ServerClaimable);

        jobs.SetDefinition(job, Definition());
        Assert.Equal(1, jobs.ServerClaimable);
    }

    [Fact]
    public void A_job_that_is_not_runnable_is_never_queued_or_due()
    {
        var jobs = With(Job(1, Queued(), runnable: false), Job(2, Pending(At(-1)), runnable: false));

        Assert.Null(jobs.FirstClaimableBy(Gatherer));
        Assert.Empty(jobs.QueuedInOrder);
        Assert.Empty(jobs.DueBy(NextQuarter));
        Assert.Null(jobs.NextWakeAt);
    }

    [Fact]
    public void A_job_that_is_not_runnable_still_has_its_lease_indexed()
    {
        var lease = Lease(20, expiresAt: At(1));
        var job = Job(1, Running(lease), runnable: false);
        var jobs = With(job);

        Assert.Same(job, jobs.ByTask(20));
        Assert.Equal(At(1), jobs.NextWakeAt);
        Assert.Equal([job], jobs.LeasesExpiredBy(At(1)));
    }

    [Fact]
    public void Due_by_lists_the_waiting_jobs_whose_time_has_come_earliest_first()
    {
        var pending = Job(1, Pending(At(-1)));
        var completed = Job(2, Run(JobStatus.Completed, At(-2)));
        var failedNow = Job(3, Run(JobStatus.Failed, Now));
        var jobs = With(
            pending,
            completed,
            failedNow,
            Job(4, Pending(At(1))),
            Job(5, Queued(At(-3))),
            Job(6, Run(JobStatus.Completed)));

        Assert.Equal([completed, pending, failedNow], jobs.DueBy(Now));
    }

    [Fact]
    public void Leases_expired_by_lists_the_leases_at_or_before_the_time()
    {
        var expired = Job(1, Running(Lease(21, expiresAt: At(-1))));
        var expiringNow = Job(2, Running(Lease(22, expiresAt: Now)));
        var jobs = With(expiringNow, expired, Job(3, Running(Lease(23, expiresAt: At(1)))));

        Assert.Equal([expired, expiringNow], jobs.LeasesExpiredBy(Now));
    }

    [Fact]
    public void A_renewed_lease_expires_at_its_new_time()
    {
        var job = Job(1, Running(Lease(21, expiresAt: At(-1))));
        var jobs = With(job);

        jobs.SetRun(job, TaskTransitions.Renewed(job.Run, At(1)));

        Assert.Empty(jobs.LeasesExpiredBy(Now));
        Assert.Same(job, jobs.ByTask(21));
        Assert.Equal(At(1), jobs.NextWakeAt);
    }

    [Fact]
    public void By_task_finds_the_job_holding_the_lease_until_it_ends()
    {
        var job = Job(1, Queued());
        var jobs = With(job, Job(2, Running(Lease(22))));

        jobs.SetRun(job, TaskTransitions.Claimed(job.Run, Lease(21)));
        Assert.Same(job, jobs.ByTask(21));

        jobs.SetRun(job, TaskTransitions.Completed(job.Run, null, Now));
        Assert.Null(jobs.ByTask(21));
        Assert.Null(jobs.ByTask(99));
    }

    [Fact]
    public void Held_by_lists_the_jobs_an_agent_holds()
    {
        var first = Job(1, Running(Lease(21, agentId: 7)));
        var second = Job(2, Running(Lease(22, agentId: 7)));
        var jobs = With(first, Job(3, Running(Lease(23, agentId: 8))), second, Job(4, Queued()));

        Assert.Equal([first, second], jobs.HeldBy(7).OrderBy(job => job.Ref.Id));
        Assert.Empty(jobs.HeldBy(9));
        Assert.Equal([7L, 8L], jobs.LeaseHolders.Order());
    }

    [Fact]
    public void Started_before_lists_the_runs_started_strictly_before_the_time()
    {
        var old = Job(1, Running(Lease(21, startedAt: At(-90))));
        var jobs = With(old, Job(2, Running(Lease(22, startedAt: At(-60)))), Job(3, Running(Lease(23, startedAt: Now))));

        Assert.Equal([old], jobs.StartedBefore(At(-60)));
    }

    [Fact]
    public void Next_wake_is_the_earliest_of_a_waiting_run_and_a_lease_expiry()
    {
        var lease = Job(2, Running(Lease(21, expiresAt: At(3))));
        var jobs = With(Job(1, Pending(At(5))), lease, Job(3, Queued(At(-10))), Job(4, Run(JobStatus.Completed)));

        Assert.Equal(At(3), jobs.NextWakeAt);

        jobs.SetRun(lease, TaskTransitions.Renewed(lease.Run, At(8)));

        Assert.Equal(At(5), jobs.NextWakeAt);
    }

    [Fact]
    public void Without_waiting_runs_or_leases_there_is_nothing_to_wake_for() =>
        Assert.Null(With(Job(1, Queued()), Job(2, Run(JobStatus.Failed))).NextWakeAt);

    [Fact]
    public void A_removed_job_leaves_every_index()
    {
        var waiting = Job(1, Pending(At(-1)));
        var running = Job(2, Running(Lease(21, expiresAt: At(-1))));
        var queued = Job(3, Queued());
        var jobs = With(waiting, running, queued);

        jobs.Remove(waiting);
        jobs.Remove(running);
        jobs.Remove(queued);

        Assert.Equal(0, jobs.Count);
        Assert.Null(jobs.Get(waiting.Ref));
        Assert.Empty(jobs.DueBy(Now));
        Assert.Empty(jobs.LeasesExpiredBy(Now));
        Assert.Null(jobs.ByTask(21));
        Assert.Null(jobs.FirstClaimableBy(Gatherer));
        Assert.Null(jobs.NextWakeAt);
        Assert.Equal(0, jobs.ServerClaimable);
    }

    [Fact]
    public void Queued_runnable_jobs_or_running_ones_are_work_now()
    {
        var scheduled = new EngineJob(new JobRef(JobRef.Gather, 1), Definition(schedule: Quarterly()), Run(JobStatus.Completed, NextQuarter), 1);

        Assert.False(With(Job(1, Run(JobStatus.Completed)), Job(2, Queued(), runnable: false)).HasQueuedOrRunning);
        Assert.False(With(scheduled).HasQueuedOrRunning);
        Assert.True(With(Job(1, Queued())).HasQueuedOrRunning);
        Assert.True(With(Job(1, Running(Lease(21)))).HasQueuedOrRunning);
    }
}
