using System.Diagnostics;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>Sends at a steady rate: the i-th send waits for <c>start + i × interval</c>.</summary>
public static class Pacing
{
    public static Task WaitForSlotAsync(long start, int index, TimeSpan interval)
    {
        var wait = interval * index - Stopwatch.GetElapsedTime(start);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
