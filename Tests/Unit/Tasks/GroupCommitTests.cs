using System.Threading.Channels;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Storage;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A database whose writes finish only when the test says so.</summary>
    private sealed class Database
    {
        private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task WriteAsync(TaskBatch batch)
        {
            var write = new Write(batch, new TaskCompletionSource());
            Interlocked.Increment(ref _count);
            _writes.Writer.TryWrite(write);
            return write.Done.Task;
        }

        /// <summary>The next write the commit started, waiting for it if need be.</summary>
        public async Task<Write> NextAsync() => await _writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    private sealed record Write(TaskBatch Batch, TaskCompletionSource Done);

    private static ExecutionEnded Change(long taskId) => new(taskId, new JobRef(JobRef.Gather, 1), 7, 1, Now, Now, "succeeded", null);

    private static Task Commit(GroupCommit<TaskBatch> commit, long taskId)
    {
        commit.Open.Ended.Add(Change(taskId));
        return commit.CommitAsync();
    }

    [Fact]
    public void Committing_nothing_completes_at_once_without_a_write()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);

        Assert.True(commit.CommitAsync().IsCompletedSuccessfully);
        Assert.Equal(0, database.Count);
    }

    [Fact]
    public async Task A_change_is_written_at_once_and_answered_when_the_write_completes()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);

        var committed = Commit(commit, 21);
        var write = await database.NextAsync();

        Assert.Equal([Change(21)], write.Batch.Ended);
        Assert.False(committed.IsCompleted);

        write.Done.SetResult();
        await committed.WaitAsync(Patience);
    }

    [Fact]
    public async Task Changes_made_while_a_write_is_in_flight_go_together_into_the_next_batch()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        var first = Commit(commit, 21);
        var firstWrite = await database.NextAsync();

        var second = Commit(commit, 22);
        var third = Commit(commit, 23);

        Assert.Equal(1, database.Count);
        Assert.Equal([Change(21)], firstWrite.Batch.Ended);

        firstWrite.Done.SetResult();
        var nextWrite = await database.NextAsync();

        Assert.Equal([Change(22), Change(23)], nextWrite.Batch.Ended);
        await first.WaitAsync(Patience);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        nextWrite.Done.SetResult();
        await Task.WhenAll(second, third).WaitAsync(Patience);
        Assert.Equal(2, database.Count);
    }

    [Fact]
    public async Task A_failed_write_fails_the_callers_of_its_batch_only()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        var first = Commit(commit, 21);
        var firstWrite = await database.NextAsync();
        var second = Commit(commit, 22);
        var third = Commit(commit, 23);

        firstWrite.Done.SetResult();
        var failingWrite = await database.NextAsync();
        var fourth = Commit(commit, 24);
        failingWrite.Done.SetException(new InvalidOperationException("connection reset"));
        var lastWrite = await database.NextAsync();
        lastWrite.Done.SetResult();

        await first.WaitAsync(Patience);
        Assert.Equal("connection reset", (await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(Patience))).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => third.WaitAsync(Patience));
        await fourth.WaitAsync(Patience);
        Assert.Equal([Change(24)], lastWrite.Batch.Ended);
    }

    [Fact]
    public async Task A_write_that_throws_at_once_fails_its_callers()
    {
        var commit = new GroupCommit<TaskBatch>(_ => throw new InvalidOperationException("no connection"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Commit(commit, 21).WaitAsync(Patience));
    }

    [Fact]
    public async Task Writing_starts_again_after_the_writes_have_drained()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        var first = Commit(commit, 21);
        (await database.NextAsync()).Done.SetResult();
        await first.WaitAsync(Patience);

        var second = Commit(commit, 22);
        var write = await database.NextAsync();

        Assert.Equal([Change(22)], write.Batch.Ended);
        write.Done.SetResult();
        await second.WaitAsync(Patience);
    }

    [Fact]
    public async Task Committing_nothing_while_a_write_is_in_flight_waits_for_that_write()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        _ = Commit(commit, 21);
        var write = await database.NextAsync();

        var nothing = commit.CommitAsync();

        Assert.False(nothing.IsCompleted);
        write.Done.SetResult();
        await nothing.WaitAsync(Patience);
        Assert.Equal(1, database.Count);
    }

    [Fact]
    public async Task Committing_nothing_while_a_write_is_in_flight_fails_when_that_write_fails()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        var changed = Commit(commit, 21);
        var write = await database.NextAsync();

        var nothing = commit.CommitAsync();
        write.Done.SetException(new InvalidOperationException("connection reset"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => changed.WaitAsync(Patience));
        // "Completes when every change made so far is written; fails when that write failed."
        await Assert.ThrowsAsync<InvalidOperationException>(() => nothing.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_change_written_by_another_callers_commit_that_failed_at_once_fails_its_own_commit()
    {
        var commit = new GroupCommit<TaskBatch>(_ => throw new InvalidOperationException("run version conflict"));
        commit.Open.Ended.Add(Change(21));
        var othersCommit = commit.CommitAsync();

        var ownCommit = commit.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => othersCommit.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ownCommit.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_change_written_by_another_callers_commit_that_succeeded_at_once_is_answered_at_once()
    {
        var commit = new GroupCommit<TaskBatch>(_ => Task.CompletedTask);
        commit.Open.Ended.Add(Change(21));
        await commit.CommitAsync().WaitAsync(Patience);

        Assert.True(commit.CommitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Committing_nothing_after_a_failed_write_was_followed_by_a_written_one_completes()
    {
        var failNext = true;
        var commit = new GroupCommit<TaskBatch>(_ => failNext ? throw new InvalidOperationException("connection reset") : Task.CompletedTask);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Commit(commit, 21).WaitAsync(Patience));
        failNext = false;
        await Commit(commit, 22).WaitAsync(Patience);

        Assert.True(commit.CommitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_change_in_flight_with_another_callers_commit_is_answered_by_that_write_not_a_later_one()
    {
        var database = new Database();
        var commit = new GroupCommit<TaskBatch>(database.WriteAsync);
        commit.Open.Ended.Add(Change(21));
        var othersCommit = commit.CommitAsync();
        var firstWrite = await database.NextAsync();
        var ownCommit = commit.CommitAsync();
        var laterCommit = Commit(commit, 22);

        firstWrite.Done.SetException(new InvalidOperationException("run version conflict"));
        (await database.NextAsync()).Done.SetResult();

        await laterCommit.WaitAsync(Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => othersCommit.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ownCommit.WaitAsync(Patience));
    }
}
