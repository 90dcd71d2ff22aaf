using System.Threading.Channels;
using Planekeeper.Grains.Agents;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Unit.Agents;

public class HeartbeatBatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);

    private static ValidHeartbeat Agent(string name, string version = "1.0", IReadOnlyDictionary<string, UpstreamRateLimit>? rateLimits = null) =>
        new(name, version, ["gather"], [], rateLimits ?? new Dictionary<string, UpstreamRateLimit>());

    [Fact]
    public void An_agent_that_beats_twice_in_one_batch_has_one_row_as_the_second_write_would_have_left_it()
    {
        var limits = new Dictionary<string, UpstreamRateLimit> { ["github.com"] = new(5000, 4000, Now) };
        var batch = new HeartbeatBatch();

        var first = batch.Add(1, 7, Agent("builder", "1.0", limits), Now);
        var second = batch.Add(1, 7, Agent("builder", "1.1"), Now.AddSeconds(1));
        batch.Add(1, 8, Agent("builder"), Now);

        Assert.Same(first, second);
        Assert.Equal(2, batch.Heartbeats.Count);
        Assert.Equal("1.1", second.Agent.Version);
        Assert.Equal(Now.AddSeconds(1), second.At);
        // An empty report keeps the stored limits: here, those of the first heartbeat.
        Assert.Equal(limits, second.Agent.RateLimits);
    }

    [Fact]
    public async Task Heartbeats_beyond_a_full_batch_wait_for_the_next_write_and_each_is_answered_by_its_own()
    {
        var writes = Channel.CreateUnbounded<(HeartbeatBatch Batch, TaskCompletionSource Done)>();
        var commit = new GroupCommit<HeartbeatBatch>(batch =>
        {
            var done = new TaskCompletionSource();
            writes.Writer.TryWrite((batch, done));
            return done.Task;
        });
        var first = Beat(commit, "first");
        var firstWrite = await writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        var waiting = Enumerable.Range(1, HeartbeatBatch.MaxHeartbeats + 1).Select(i => Beat(commit, $"agent-{i}")).ToList();
        firstWrite.Done.SetResult();
        await first.WaitAsync(Patience);
        var fullWrite = await writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(HeartbeatBatch.MaxHeartbeats, fullWrite.Batch.Heartbeats.Count);
        fullWrite.Done.SetResult();
        await Task.WhenAll(waiting.Take(HeartbeatBatch.MaxHeartbeats)).WaitAsync(Patience);
        Assert.False(waiting[^1].IsCompleted);

        var lastWrite = await writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal([$"agent-{HeartbeatBatch.MaxHeartbeats + 1}"], lastWrite.Batch.Heartbeats.Select(h => h.Agent.Name));
        lastWrite.Done.SetException(new InvalidOperationException("connection reset"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting[^1].WaitAsync(Patience));
    }

    private static Task Beat(GroupCommit<HeartbeatBatch> commit, string name)
    {
        commit.Open.Add(1, 7, Agent(name), Now);
        return commit.CommitAsync();
    }
}
