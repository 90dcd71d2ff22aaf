namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// Writes one channel's attempt outcomes as they come, in groups: an outcome that arrives while a write is running
/// goes with the next write, together with every other outcome that arrived meanwhile (one statement for all). A
/// caller is answered once its outcome is written. Not thread-safe: the delivery grain's turns never run together.
/// </summary>
public sealed class OutcomeWriter(DeliveryStore deliveries)
{
    private List<(DeliveryOutcome Outcome, TaskCompletionSource Written)> _waiting = [];
    private bool _writing;

    public Task WriteAsync(DeliveryOutcome outcome)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((outcome, written));
        if (!_writing)
        {
            _ = WriteWaitingAsync();
        }

        return written.Task;
    }

    private async Task WriteWaitingAsync()
    {
        _writing = true;
        try
        {
            while (_waiting.Count > 0)
            {
                var group = _waiting;
                _waiting = [];
                try
                {
                    await deliveries.FinishAttemptsAsync(group.Select(waiting => waiting.Outcome).ToList());
                    group.ForEach(waiting => waiting.Written.SetResult());
                }
                catch (Exception e)
                {
                    group.ForEach(waiting => waiting.Written.SetException(e));
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
