namespace Planekeeper.Grains.Tasks;

/// <summary>
/// Group commit for one grain: changes collect in the open batch while the previous batch is being written,
/// then go to the database together. A caller awaits <see cref="CommitAsync"/> after making its change and is
/// answered only once the batch holding it is durable. Not thread-safe: a grain's turns are never concurrent.
/// </summary>
public sealed class GroupCommit(Func<TaskBatch, Task> write)
{
    private TaskCompletionSource _openWritten = NewSource();
    private Exception? _lastFailure;
    private bool _writing;

    public TaskBatch Open { get; private set; } = new();

    /// <summary>Completes when every change made so far is written; fails when that write failed.</summary>
    public Task CommitAsync()
    {
        if (Open.IsEmpty)
        {
            return _writing ? _openWritten.Task : Task.CompletedTask;
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
            while (!Open.IsEmpty)
            {
                var batch = Open;
                var written = _openWritten;
                Open = new TaskBatch();
                _openWritten = NewSource();
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

        // Callers that committed an empty batch while the last write ran are answered with its outcome.
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

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
