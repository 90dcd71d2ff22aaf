namespace Planekeeper.Grains.Storage;

/// <summary>
/// Group commit for one grain: changes collect in the open batch while earlier batches are being written, then go to
/// the database together. A caller awaits <see cref="CommitAsync"/> after making its change and is answered only once
/// the batch holding it is durable; a failed write fails exactly the callers of its batch. Up to
/// <paramref name="writesInFlight"/> batches are written side by side, a batch only beside earlier ones it does not
/// overlap (<see cref="ICommitBatch.Overlaps"/>): one that does waits until their writes have ended, so that writes of
/// the same rows reach the database in order, while a batch of other rows is answered as soon as its own write is
/// durable. A full batch is closed and written in turn before the next. Not thread-safe: a grain's turns are never
/// concurrent.
/// </summary>
public sealed class GroupCommit<TBatch>(Func<TBatch, Task> write, int writesInFlight = 1) where TBatch : class, ICommitBatch, new()
{
    private readonly Queue<(TBatch Batch, TaskCompletionSource Written)> _closed = new();
    private readonly List<(TBatch Batch, Task Written)> _inFlight = [];
    private TBatch _open = new();
    private TaskCompletionSource _openWritten = NewSource();

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

    /// <summary>Completes when every change made so far is written; fails when that write failed.</summary>
    public Task CommitAsync()
    {
        if (_open.IsEmpty && _closed.Count == 0)
        {
            // Nothing new: the changes made so far are in the writes in flight.
            return _inFlight.Count == 0 ? Task.CompletedTask : Task.WhenAll(_inFlight.Select(write => write.Written));
        }

        var written = _open.IsEmpty ? _closed.Last().Written.Task : _openWritten.Task;
        StartWrites();
        return written;
    }

    private void StartWrites()
    {
        while (_inFlight.Count < writesInFlight && TakeNext() is var (batch, written) && written is not null)
        {
            _inFlight.Add((batch, written.Task));
            _ = WriteAsync(batch, written);
        }
    }

    private async Task WriteAsync(TBatch batch, TaskCompletionSource written)
    {
        Exception? failure = null;
        try
        {
            await write(batch);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // The write has ended: a batch waiting for it (it overlaps, or too many were in flight) may start now.
        _inFlight.RemoveAll(write => ReferenceEquals(write.Batch, batch));
        StartWrites();
        if (failure is null)
        {
            written.SetResult();
        }
        else
        {
            written.SetException(failure);
        }
    }

    /// <summary>
    /// The oldest closed batch, else the open one if it holds changes — unless it overlaps a batch in flight; else none
    /// (a null source).
    /// </summary>
    private (TBatch Batch, TaskCompletionSource? Written) TakeNext()
    {
        if (_closed.TryPeek(out var closed))
        {
            return OverlapsInFlight(closed.Batch) ? (closed.Batch, null) : _closed.Dequeue();
        }

        if (_open.IsEmpty || OverlapsInFlight(_open))
        {
            return (_open, null);
        }

        var next = (_open, _openWritten);
        _open = new TBatch();
        _openWritten = NewSource();
        return next;
    }

    private bool OverlapsInFlight(TBatch batch) => _inFlight.Any(earlier => batch.Overlaps(earlier.Batch));

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
