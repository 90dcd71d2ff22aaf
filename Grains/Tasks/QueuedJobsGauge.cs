using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The gauge <c>planekeeper.jobs.queued{organization}</c> (docs/operations.md, "Metrics"): the queued jobs of the
/// <see cref="TopOrganizations"/> organizations with the most, from the job tables, so every silo reports the whole
/// cluster's queue. A scrape reads the tables again when the last reading is older than <see cref="ReadAfter"/> and
/// waits at most <see cref="WaitAtMost"/> for it; a slower read serves the next scrape. A failed read reports nothing
/// (and is logged) rather than old numbers.
/// </summary>
public sealed partial class QueuedJobsGauge
{
    public const int TopOrganizations = 10;

    public static readonly TimeSpan ReadAfter = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(2);

    private readonly TaskStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<QueuedJobsGauge> _logger;
    private readonly Lock _gate = new();
    private volatile QueuedJobsReading _last = QueuedJobsReading.None;
    private Task? _reading;

    public QueuedJobsGauge(IMeterFactory meters, TaskStore store, TimeProvider clock, ILogger<QueuedJobsGauge> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        meters.Create(AlertMetrics.MeterName).CreateObservableGauge(
            "planekeeper.jobs.queued", Observe, unit: "{job}", description: $"Queued jobs of the {TopOrganizations} organizations with the most, by organization id");
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private IEnumerable<Measurement<long>> Observe()
    {
        // The read catches its own failures, so waiting never throws; a read still running is left to the next scrape.
        ReadIfStale()?.Wait(WaitAtMost);
        return _last.Measurements();
    }

    private Task? ReadIfStale()
    {
        lock (_gate)
        {
            if (_reading is { IsCompleted: false })
            {
                return _reading;
            }

            return _last.IsStaleAt(Now, ReadAfter) ? _reading = Task.Run(ReadAsync) : null;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            _last = new QueuedJobsReading(Now, await _store.MostQueuedAsync(TopOrganizations, Now));
        }
        catch (Exception exception)
        {
            _last = QueuedJobsReading.None;
            LogReadFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue depths for /metrics could not be read; planekeeper_jobs_queued is left out until they can")]
    private partial void LogReadFailed(Exception exception);
}
