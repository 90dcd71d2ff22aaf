using System.Threading.Channels;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>A database whose writes of task batches finish only when the test says so (synchronously, in its call).</summary>
internal sealed class GroupCommitDatabase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<GroupCommitWrite> _writes = Channel.CreateUnbounded<GroupCommitWrite>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task WriteAsync(TaskBatch batch)
    {
        var write = new GroupCommitWrite(batch, new TaskCompletionSource());
        Interlocked.Increment(ref _count);
        _writes.Writer.TryWrite(write);
        return write.Done.Task;
    }

    /// <summary>The next write the commit started, waiting for it if need be.</summary>
    public async Task<GroupCommitWrite> NextAsync() => await _writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}

internal sealed record GroupCommitWrite(TaskBatch Batch, TaskCompletionSource Done);
