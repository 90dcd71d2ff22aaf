namespace Planekeeper.Bench.Scale;

/// <summary>
/// This process's garbage collector so far (the silo's, with the in-process agents' small share): time paused and
/// collections of generation 2. Sampled each second beside the active engines, so the report can tell whether a slice's
/// lag went to the collector.
/// </summary>
public sealed record CollectorSample(double PausedMs, int Gen2Collections)
{
    public static CollectorSample Now() => new(GC.GetTotalPauseDuration().TotalMilliseconds, GC.CollectionCount(2));

    /// <summary>Paused ms in each span of <paramref name="every"/> samples, with that span's generation 2 collections.</summary>
    public static IEnumerable<(double PausedMs, int Gen2)> Spans(IReadOnlyList<CollectorSample> samples, int every)
    {
        for (var start = 0; start + every < samples.Count; start += every)
        {
            yield return (samples[start + every].PausedMs - samples[start].PausedMs, samples[start + every].Gen2Collections - samples[start].Gen2Collections);
        }
    }
}
