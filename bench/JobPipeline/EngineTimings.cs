using System.Diagnostics;
using System.Diagnostics.Metrics;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>Inside the task engine, in a measured window: how long its claims took from arrival to durable write, and its writes per lane.</summary>
public sealed record EngineTimes(LatencySummary Claims, LatencySummary ClaimsWrites, LatencySummary ReportsWrites);

/// <summary>
/// The silo's own timings in this process, from the task engine's metrics (<c>planekeeper.job.claim.duration</c> and
/// <c>planekeeper.job.write.duration</c> by lane; docs/operations.md, "Metrics"), kept between the two samples of a
/// measured window. Set beside the agents' claim latency, they tell the engine's share of a claim (its write, and
/// waiting for the write in flight) from the rest (grain hops, HTTP, scheduling).
/// </summary>
public sealed class EngineTimings : IDisposable
{
    private const string Meter = "Planekeeper";

    private readonly MeterListener _listener = new();
    private readonly LatencyRecorder _claims = new();
    private readonly LatencyRecorder _claimsWrites = new();
    private readonly LatencyRecorder _reportsWrites = new();
    private readonly Lock _lock = new();
    private int _edges;

    public EngineTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Meter && instrument.Name is "planekeeper.job.claim.duration" or "planekeeper.job.write.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Called when the window opens and when it closes: only what the engine timed in between is kept.</summary>
    public void Sample() => Interlocked.Increment(ref _edges);

    public EngineTimes InWindow()
    {
        lock (_lock)
        {
            return new EngineTimes(
                LatencyRecorder.Summarize([_claims]), LatencyRecorder.Summarize([_claimsWrites]), LatencyRecorder.Summarize([_reportsWrites]));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (Volatile.Read(ref _edges) != 1)
        {
            return;
        }

        var recorder = instrument.Name == "planekeeper.job.claim.duration" ? _claims : Lane(tags) == EngineWrites.ClaimsLane ? _claimsWrites : _reportsWrites;
        lock (_lock)
        {
            recorder.Record(0, (long)(seconds * Stopwatch.Frequency));
        }
    }

    private static string? Lane(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "lane")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
