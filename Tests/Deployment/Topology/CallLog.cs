using System.Diagnostics;

namespace Planekeeper.Tests.Deployment.Topology;

/// <summary>
/// Calls through the proxy during a rolling restart, each retried the way a client should (refused connections, 502
/// and 503 are tried again for up to <see cref="GiveUpAfter"/>): how many were retried, how many gave up, and the
/// longest time a measured call could not get an answer.
/// </summary>
public sealed class CallLog
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private int _retried;
    private int _failed;
    private int _completed;
    private TimeSpan _longestUnavailability;

    public int Retried => _retried;

    public int Failed => _failed;

    public int Completed => _completed;

    public TimeSpan LongestUnavailability
    {
        get
        {
            lock (_lock)
            {
                return _longestUnavailability;
            }
        }
    }

    public void Complete() => Interlocked.Increment(ref _completed);

    /// <param name="measure">Whether the time without an answer counts as the API's unavailability.</param>
    public async Task<T> RetryAsync<T>(Func<Task<T>> call, Func<T, bool> answered, bool measure = false)
    {
        var clock = Stopwatch.StartNew();
        var tries = 0;
        T? last = default;
        while (clock.Elapsed < GiveUpAfter)
        {
            if (tries++ > 0)
            {
                Interlocked.Increment(ref _retried);
                await Task.Delay(RetryPause);
            }

            try
            {
                last = await call();
                if (answered(last))
                {
                    if (measure && tries > 1)
                    {
                        Record(clock.Elapsed);
                    }

                    return last;
                }

                (last as IDisposable)?.Dispose();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
        }

        Interlocked.Increment(ref _failed);
        return last!;
    }

    private void Record(TimeSpan unavailable)
    {
        lock (_lock)
        {
            if (unavailable > _longestUnavailability)
            {
                _longestUnavailability = unavailable;
            }
        }
    }
}
