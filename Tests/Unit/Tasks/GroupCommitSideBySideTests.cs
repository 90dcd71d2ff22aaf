using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>
/// The task engine's group commit with two writes in flight (docs/jobs.md, "How it is built"): a batch of other jobs
/// is written beside the one in flight and answered once it is durable; a batch changing a job still being written
/// waits for that write.
/// </summary>
public class GroupCommitSideBySideTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static ExecutionEnded Ended(long jobId) => new(jobId * 100, new JobRef(JobRef.Gather, jobId), 7, 1, Now, Now, "succeeded", null);

    private static Task Commit(GroupCommit<TaskBatch> commit, long jobId)
    {
        commit.Open.Changed(Job(jobId, Queued()));
        commit.Open.Ended.Add(Ended(jobId));
        return commit.CommitAsync();
    }

    private static GroupCommit<TaskBatch> TwoInFlight(GroupCommitDatabase database) => new(database.WriteAsync, writesInFlight: 2);

    [Fact]
    public async Task A_batch_of_other_jobs_is_written_while_the_previous_write_is_in_flight()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        var first = Commit(commit, 1);
        var firstWrite = await database.NextAsync();

        var second = Commit(commit, 2);
        var secondWrite = await database.NextAsync();

        Assert.Equal([Ended(2)], secondWrite.Batch.Ended);
        Assert.False(first.IsCompleted);
        firstWrite.Done.SetResult();
        secondWrite.Done.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_batch_changing_a_job_still_being_written_waits_for_that_write()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        _ = Commit(commit, 1);
        var firstWrite = await database.NextAsync();

        var again = Commit(commit, 1);

        Assert.Equal(1, database.Count);
        firstWrite.Done.SetResult();
        var secondWrite = await database.NextAsync();
        Assert.Equal([Ended(1)], secondWrite.Batch.Ended);
        secondWrite.Done.SetResult();
        await again.WaitAsync(Patience);
    }

    [Fact]
    public async Task No_more_than_two_writes_are_in_flight()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        _ = Commit(commit, 1);
        var firstWrite = await database.NextAsync();
        _ = Commit(commit, 2);
        var secondWrite = await database.NextAsync();

        var third = Commit(commit, 3);
        var fourth = Commit(commit, 4);

        Assert.Equal(2, database.Count);
        secondWrite.Done.SetResult();
        var thirdWrite = await database.NextAsync();
        Assert.Equal([Ended(3), Ended(4)], thirdWrite.Batch.Ended);
        thirdWrite.Done.SetResult();
        firstWrite.Done.SetResult();
        await Task.WhenAll(third, fourth).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_later_write_that_ends_first_is_answered_at_once_and_committing_nothing_waits_for_both()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        var first = Commit(commit, 1);
        var firstWrite = await database.NextAsync();
        var second = Commit(commit, 2);
        var secondWrite = await database.NextAsync();

        var nothing = commit.CommitAsync();
        secondWrite.Done.SetResult();

        await second.WaitAsync(Patience);
        Assert.False(first.IsCompleted);
        Assert.False(nothing.IsCompleted);
        firstWrite.Done.SetResult();
        await Task.WhenAll(first, nothing).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_write_failing_while_a_second_is_in_flight_fails_its_own_callers_only()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        var first = Commit(commit, 1);
        var firstWrite = await database.NextAsync();
        var second = Commit(commit, 2);
        var secondWrite = await database.NextAsync();

        firstWrite.Done.SetException(new InvalidOperationException("connection reset"));
        secondWrite.Done.SetResult();

        Assert.Equal("connection reset", (await Assert.ThrowsAsync<InvalidOperationException>(() => first.WaitAsync(Patience))).Message);
        await second.WaitAsync(Patience);
    }

    [Fact]
    public async Task Committing_nothing_waits_for_the_writes_in_flight_and_fails_with_them()
    {
        var database = new GroupCommitDatabase();
        var commit = TwoInFlight(database);
        _ = Commit(commit, 1);
        var firstWrite = await database.NextAsync();
        var second = Commit(commit, 2);
        var secondWrite = await database.NextAsync();

        var nothing = commit.CommitAsync();
        firstWrite.Done.SetResult();
        secondWrite.Done.SetException(new InvalidOperationException("connection reset"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => nothing.WaitAsync(Patience));
        Assert.True(commit.CommitAsync().IsCompletedSuccessfully);
    }
}
