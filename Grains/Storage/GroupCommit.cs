namespace Planekeeper.Grains.Storage;

/// <summary>
/// Group commit for one grain: changes collect in the open batch while the previous batch is being written,
/// then go to the database together. A caller awaits <see cref="CommitAsync"/> after making its change and is
/// answered only once the batch holding it is durable; a failed write fails exactly the callers of its batch.
/// A full batch is closed and written in turn before the next. Not thread-safe: a grain's turns are never concurrent.
/// </summary>
public sealed class GroupCommit<TBatch>(Func<TBatch, Task> write) where TBatch : ICommitBatch, new()
{
    private readonly Queue<(TBatch Batch, TaskCompletionSource Written)> _closed = new();
    private TBatch _open = new();
    private TaskCompletionSource _openWritten = NewSource();
    private TaskCompletionSource _inFlight = NewSource();
    private Exception? _lastFailure;
    private bool _writing;

    /// <summary>The batch to add a change to before <see cref="CommitAsync"/>; never a full one.</summary>
    public TBatch Open
    {
        get
        {
            if (_open.IsFull)
            {
                _closed.Enqueue((_open, _openWritten));
                _open = new TBatch();
                _openWritten = NewSource();
            }

            return _open;
        }
    }

    /// <summary>
    /// The outcome of the open batch's write, read right after a change to <see cref="Open"/>: for a caller whose commit
    /// someone else makes later (<see cref="CommitWindow"/>), by when its batch may have gone out with others behind it.
    /// </summary>
    public Task OpenWritten => _openWritten.Task;

    /// <summary>
    /// Completes when every change made so far is written; fails when that write failed. With nothing left to write, the
    /// write in flight answers, else the last write's outcome: a caller's change may have gone out with a write someone
    /// else's commit started, which may even have ended before this call (a write can end within the turn that started it).
    /// When changes already wait in the open batch, their write answers, even for a change in the write in flight: the
    /// task engine stops writing after a failed write, so its later writes fail too (docs/jobs.md, "How it is built").
    /// </summary>
    public Task CommitAsync()
    {
        if (_open.IsEmpty && _closed.Count == 0)
        {
            return _writing ? _inFlight.Task : _lastFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
        }

        var written = _openWritten.Task;
        if (!_writing)
        {
            _ = WriteAllAsync();
        }

        return written;
    }

    private async Task WriteAllAsync()
    {
        _writing = true;
        try
        {
            while (TakeNext() is var (batch, written) && written is not null)
            {
                _inFlight = written;
                try
                {
                    await write(batch);
                    _lastFailure = null;
                    written.SetResult();
                }
                catch (Exception exception)
                {
                    _lastFailure = exception;
                    written.SetException(exception);
                }
            }
        }
        finally
        {
            _writing = false;
        }

        // Callers of an open batch left empty (a Forget took their changes back out) get the last write's outcome.
        if (_lastFailure is { } failure)
        {
            _openWritten.TrySetException(failure);
        }
        else
        {
            _openWritten.TrySetResult();
        }

        _openWritten = NewSource();
    }

    /// <summary>The oldest closed batch, else the open one if it holds changes, else none (a null source).</summary>
    private (TBatch Batch, TaskCompletionSource? Written) TakeNext()
    {
        if (_closed.TryDequeue(out var closed))
        {
            return closed;
        }

        if (_open.IsEmpty)
        {
            return (_open, null);
        }

        var next = (_open, _openWritten);
        _open = new TBatch();
        _openWritten = NewSource();
        return next;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
