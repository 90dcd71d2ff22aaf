namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// Runs one channel's delivery passes one at a time (docs/notifications.md, "Delivery statuses and retries"): a
/// wake-up during a pass is remembered and runs another pass after it; when the passes end, the next due attempt is
/// scheduled. A pass that fails (the database refused or timed out) schedules its own next try — 1 s, then doubling up
/// to a minute — instead of leaving the channel to the once-a-minute recovery pass. Not thread-safe: the delivery
/// grain's turns never run together.
/// </summary>
public sealed class DeliveryPasses(Func<Task<DateTime?>> passAsync, Action<DateTime?> scheduleNext, TimeProvider clock, Action<Exception, TimeSpan> failed)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    private Task _running = Task.CompletedTask;
    private bool _requested;
    private int _failuresInARow;

    /// <summary>Runs a pass now, or after the one running (a pass that completed at once counts as not running).</summary>
    public void Request()
    {
        _requested = true;
        if (_running.IsCompleted)
        {
            _running = RunAsync();
        }
    }

    /// <summary>How long a channel waits after <paramref name="failuresInARow"/> failed passes.</summary>
    public static TimeSpan RetryDelay(int failuresInARow) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetry.TotalSeconds * Math.Pow(2, failuresInARow - 1), LastRetry.TotalSeconds));

    private async Task RunAsync()
    {
        try
        {
            DateTime? nextDue = null;
            while (_requested)
            {
                _requested = false;
                nextDue = await passAsync();
            }

            _failuresInARow = 0;
            scheduleNext(nextDue);
        }
        catch (Exception e)
        {
            var wait = RetryDelay(++_failuresInARow);
            failed(e, wait);
            scheduleNext(clock.GetUtcNow().UtcDateTime + wait);
        }
    }
}
