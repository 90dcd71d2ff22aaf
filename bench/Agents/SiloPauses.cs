namespace Planekeeper.Bench.Agents;

/// <summary>How long the garbage collector paused this process (the silo's) in a window, and its gen2 collections.</summary>
public sealed record GcPauses(TimeSpan Total, int Gen2Collections);

/// <summary>Samples this process's GC pause total and gen2 count when a window opens and when it closes.</summary>
public sealed class SiloPauses
{
    private readonly List<(TimeSpan Paused, int Gen2)> _samples = [];

    public void Sample() => _samples.Add((GC.GetTotalPauseDuration(), GC.CollectionCount(2)));

    public GcPauses InWindow() =>
        _samples.Count < 2 ? new GcPauses(TimeSpan.Zero, 0) : new GcPauses(_samples[1].Paused - _samples[0].Paused, _samples[1].Gen2 - _samples[0].Gen2);
}
