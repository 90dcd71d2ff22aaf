namespace Planekeeper.Grains.Storage;

/// <summary>
/// Holds a grain's commits back for a short window so that the changes of about the same moment share one write: the
/// first caller opens the window, every caller until it closes waits for the same commit, and the commit starts when
/// the window closes. For writes nobody waits on closely (heartbeats: an agent beats every 15 s), where a quiet
/// database would otherwise take one write per change (bench/README.md, "Agents"). Not thread-safe: a grain's turns are
/// never concurrent.
/// </summary>
public sealed class CommitWindow(Func<Task> window)
{
    private Task? _open;

    /// <param name="commit">Writes every change made so far (<see cref="GroupCommit{TBatch}.CommitAsync"/>).</param>
    /// <returns>Completes once a commit started after this call's change is durable; fails when that commit failed.</returns>
    public Task CommitAsync(Func<Task> commit)
    {
        if (_open is { } open)
        {
            return open;
        }

        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _open = committed.Task;
        _ = CloseAsync(committed, commit);
        return committed.Task;
    }

    /// <summary>
    /// Like <see cref="CommitAsync(Func{Task})"/>, but answered by <paramref name="ownWrite"/>, the write of the batch that
    /// holds this caller's change (<see cref="GroupCommit{TBatch}.OpenWritten"/>): one window's changes can go out in
    /// several batches (a batch fills up, or the write before ends and takes what is there), and the window's commit
    /// answers for the last of them only.
    /// </summary>
    public async Task CommitAsync(Func<Task> commit, Task ownWrite)
    {
        try
        {
            await CommitAsync(commit);
        }
        catch (Exception)
        {
            // A later batch's failure; whether this caller's change was written is ownWrite's to say.
        }

        await ownWrite;
    }

    private async Task CloseAsync(TaskCompletionSource committed, Func<Task> commit)
    {
        try
        {
            try
            {
                await window();
            }
            finally
            {
                // Changes made from here on wait for the next window.
                _open = null;
            }

            await commit();
            committed.SetResult();
        }
        catch (Exception exception)
        {
            committed.SetException(exception);
        }
    }
}
