namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// The wall clock plus an offset a test moves forward, so hours of a schedule pass in a moment. Only the time read
/// moves: timers and timestamps keep real durations, so the silo's own machinery keeps working.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward to <paramref name="moment"/> (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var ahead = moment - GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            Interlocked.Add(ref _offsetTicks, ahead.Ticks);
        }
    }
}
