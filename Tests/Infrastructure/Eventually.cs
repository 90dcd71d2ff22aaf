using System.Diagnostics;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or the time is up; fails with the last observation.</summary>
public static class Eventually
{
    /// <param name="describe">How the failure message shows the last observation (default: its <c>ToString()</c>).</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout, string what, Func<T, string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        T last = default!;
        Exception? lastError = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (accept(last))
                {
                    return last;
                }
            }
            catch (Exception e)
            {
                lastError = e;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not happen within {timeout}; last seen: {(lastError is not null ? lastError.Message : last is null ? "nothing" : describe?.Invoke(last) ?? last.ToString())}");
    }
}
