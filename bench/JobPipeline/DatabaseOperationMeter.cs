using System.Diagnostics.Metrics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// The database round trips of one connection pool in this process, from Npgsql's own metrics
/// (<c>db.client.operation.duration</c>, tagged with the pool's name, which carries the application name): how
/// many, and how long they took in all, between the two samples of a measured window.
/// </summary>
public sealed class DatabaseOperationMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _applicationName;
    private readonly List<(long Operations, double Seconds)> _samples = [];
    private long _operations;
    private long _microseconds;

    /// <param name="applicationName">The <c>Application Name</c> of the pool to watch, e.g. planekeeper-silo.</param>
    public DatabaseOperationMeter(string applicationName)
    {
        _applicationName = applicationName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnOperation);
        _listener.Start();
    }

    /// <summary>Called when the window opens and when it closes.</summary>
    public void Sample() => _samples.Add((Interlocked.Read(ref _operations), Interlocked.Read(ref _microseconds) / 1e6));

    /// <summary>Round trips in the window and their total duration.</summary>
    public (long Operations, TimeSpan Duration) InWindow() =>
        _samples.Count < 2 ? (0, TimeSpan.Zero) : (_samples[1].Operations - _samples[0].Operations, TimeSpan.FromSeconds(_samples[1].Seconds - _samples[0].Seconds));

    public void Dispose() => _listener.Dispose();

    private void OnOperation(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "db.client.connection.pool.name" && tag.Value is string pool && pool.Contains(_applicationName, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _operations);
                Interlocked.Add(ref _microseconds, (long)(seconds * 1e6));
                return;
            }
        }
    }
}
