using System.Collections.Concurrent;
using System.Diagnostics;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>
/// The silo's database round trips by step of the path from a completion to its webhook, from Npgsql's tracing (one
/// activity per command or batch, whose text says which step sent it). Commits of explicit transactions are round trips
/// without an activity: the total of <c>DatabaseOperationMeter</c> minus these is printed as "commits and other". The
/// bench's own commands are outside the measured windows.
/// </summary>
public sealed class RoundTripSteps : IDisposable
{
    /// <summary>Steps in path order, each known by words of its SQL (the first step that matches takes the command).</summary>
    private static readonly (string Step, string[] Words)[] Steps =
    [
        ("task engine", ["task_executions", "run_version"]),
        ("configs of the jobs", ["FROM alert_configs"]),
        ("evaluation inputs", ["FROM version_snapshots"]),
        ("alert write", ["INSERT INTO alerts", "UPDATE alerts"]),
        ("routing", ["routed_at"]),
        ("delivery start", ["status = 'in_progress'"]),
        ("delivery outcome", ["succeeded_at"]),
    ];

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private volatile bool _open;

    public RoundTripSteps()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Open() => _open = true;

    public void Close() => _open = false;

    /// <summary>Per alert, in path order; what no step claimed, and the commits, as "commits and other".</summary>
    public string PerAlert(long totalRoundTrips, int alerts)
    {
        var named = Steps.Select(step => (step.Step, Count: _counts.GetValueOrDefault(step.Step))).ToList();
        named.Add(("commits and other", totalRoundTrips - named.Sum(step => step.Count)));
        return string.Join(", ", named.Select(step => $"{step.Step} {(double)step.Count / alerts:F2}"));
    }

    public void Dispose() => _listener.Dispose();

    private void Count(Activity activity)
    {
        if (!_open || Text(activity) is not { } sql)
        {
            return;
        }

        var step = Steps.FirstOrDefault(s => s.Words.Any(word => sql.Contains(word, StringComparison.Ordinal))).Step;
        if (step is not null)
        {
            _counts.AddOrUpdate(step, 1, (_, count) => count + 1);
        }
    }

    private static string? Text(Activity activity) =>
        activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string;
}
