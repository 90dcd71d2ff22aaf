namespace Planekeeper.Bench.JobPipeline;

/// <summary>How long the garbage collector paused this process (the silo's) in a window, in how many collections, and its gen2 collections.</summary>
public sealed record GcPauses(TimeSpan Total, int Gen2Collections, int Collections = 0)
{
    public double MeanPauseMs => Collections == 0 ? 0 : Total.TotalMilliseconds / Collections;
}

/// <summary>Samples this process's GC pause total and collection counts when a window opens and when it closes.</summary>
public sealed class SiloPauses
{
    private readonly List<(TimeSpan Paused, int Gen2, int All)> _samples = [];

    // Every collection collects generation 0, so its count is the number of collections of any generation.
    public void Sample() => _samples.Add((GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.CollectionCount(0)));

    public GcPauses InWindow() =>
        _samples.Count < 2
            ? new GcPauses(TimeSpan.Zero, 0)
            : new GcPauses(_samples[1].Paused - _samples[0].Paused, _samples[1].Gen2 - _samples[0].Gen2, _samples[1].All - _samples[0].All);
}
