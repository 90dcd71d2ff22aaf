using System.Threading.Channels;
using Planekeeper.Grains.Agents;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Unit.Storage;

/// <summary>Commits held back for a window: the changes of about the same moment share one write (bench/README.md, "Agents").</summary>
public class CommitWindowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A window that closes when the test says so, and commits that complete when told.</summary>
    private sealed class Moments
    {
        private readonly Channel<TaskCompletionSource> _started = Channel.CreateUnbounded<TaskCompletionSource>();
        private TaskCompletionSource _window = new();

        public int CommitCount { get; private set; }

        public Task Window()
        {
            _window = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _window.Task;
        }

        public void CloseWindow() => _window.SetResult();

        public Task Commit()
        {
            var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            CommitCount++;
            _started.Writer.TryWrite(commit);
            return commit.Task;
        }

        /// <summary>The next commit that started, waiting for it if need be.</summary>
        public async Task<TaskCompletionSource> NextCommitAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task Changes_within_one_window_share_one_commit_that_starts_when_it_closes()
    {
        var moments = new Moments();
        var window = new CommitWindow(moments.Window);

        var first = window.CommitAsync(moments.Commit);
        var second = window.CommitAsync(moments.Commit);
        Assert.Equal(0, moments.CommitCount);

        moments.CloseWindow();
        var commit = await moments.NextCommitAsync();
        Assert.False(first.IsCompleted);

        commit.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);
        Assert.Equal(1, moments.CommitCount);
    }

    [Fact]
    public async Task A_change_after_the_window_closed_waits_for_the_next_window_and_a_failed_commit_fails_only_its_own()
    {
        var moments = new Moments();
        var window = new CommitWindow(moments.Window);
        var early = window.CommitAsync(moments.Commit);
        moments.CloseWindow();
        var first = await moments.NextCommitAsync();

        var late = window.CommitAsync(moments.Commit);
        Assert.Equal(1, moments.CommitCount);
        first.SetException(new InvalidOperationException("write failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => early.WaitAsync(Patience));
        Assert.False(late.IsCompleted);

        moments.CloseWindow();
        (await moments.NextCommitAsync()).SetResult();
        await late.WaitAsync(Patience);
        Assert.Equal(2, moments.CommitCount);
    }

    [Fact]
    public async Task A_change_of_one_window_that_went_out_with_an_earlier_batch_is_answered_by_that_batchs_write()
    {
        var writes = Channel.CreateUnbounded<TaskCompletionSource>();
        var heartbeats = new GroupCommit<HeartbeatBatch>(_ =>
        {
            var write = new TaskCompletionSource();
            writes.Writer.TryWrite(write);
            return write.Task;
        });
        async Task<TaskCompletionSource> NextWriteAsync() => await writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var closeWindow = new TaskCompletionSource();
        var window = new CommitWindow(() => (closeWindow = new TaskCompletionSource()).Task);
        Task Beat(string name)
        {
            heartbeats.Open.Add(1, 7, new ValidHeartbeat(name, "1.0", ["gather"], [], new Dictionary<string, UpstreamRateLimit>()), DateTime.UnixEpoch);
            return window.CommitAsync(heartbeats.CommitAsync, heartbeats.OpenWritten);
        }

        var first = Beat("first");
        closeWindow.SetResult();
        var firstWrite = await NextWriteAsync();
        // The next window opens; its first beat goes out as soon as the write before it ends, its second waits.
        var early = Beat("early");
        firstWrite.SetResult();
        var earlyWrite = await NextWriteAsync();
        var late = Beat("late");
        closeWindow.SetResult();

        earlyWrite.SetException(new InvalidOperationException("connection reset"));
        (await NextWriteAsync()).SetResult();

        await first.WaitAsync(Patience);
        await late.WaitAsync(Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => early.WaitAsync(Patience));
    }
}
