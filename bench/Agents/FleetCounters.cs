using System.Net;

namespace Planekeeper.Bench.Agents;

/// <summary>What the idle agents of one process did, counted as it happens; read as a <see cref="FleetReading"/>.</summary>
public sealed class FleetCounters
{
    /// <summary>A long-poll that ends with nothing sooner than this was cut short (the wait is 25 s).</summary>
    private static readonly TimeSpan HeldLongEnough = TimeSpan.FromSeconds(IdleAgent.WaitSeconds - 1);

    private readonly Lock _lock = new();
    private long _agentsStarted;
    private long _heartbeats;
    private long _heartbeatFailures;
    private long _claimsHeld;
    private long _claimsEmpty;
    private long _claimsCutShort;
    private long _claimsWithTask;
    private long _claimFailures;
    private TimeSpan _longestHeartbeatGap;
    private string? _firstFailure;

    /// <summary>An agent's two loops both began (each starts at a random point of its period).</summary>
    public void Started() => Interlocked.Increment(ref _agentsStarted);

    public void Beat(TimeSpan sinceLast)
    {
        Interlocked.Increment(ref _heartbeats);
        lock (_lock)
        {
            if (sinceLast > _longestHeartbeatGap)
            {
                _longestHeartbeatGap = sinceLast;
            }
        }
    }

    public void HeartbeatFailed(string what)
    {
        Interlocked.Increment(ref _heartbeatFailures);
        Note(what);
    }

    public void ClaimStarted() => Interlocked.Increment(ref _claimsHeld);

    public void ClaimEnded(HttpStatusCode status, TimeSpan held)
    {
        Interlocked.Decrement(ref _claimsHeld);
        switch (status)
        {
            case HttpStatusCode.NoContent when held < HeldLongEnough:
                Interlocked.Increment(ref _claimsCutShort);
                Interlocked.Increment(ref _claimsEmpty);
                break;
            case HttpStatusCode.NoContent:
                Interlocked.Increment(ref _claimsEmpty);
                break;
            case HttpStatusCode.OK:
                Interlocked.Increment(ref _claimsWithTask);
                break;
            default:
                Interlocked.Increment(ref _claimFailures);
                Note($"claim: HTTP {(int)status}");
                break;
        }
    }

    public void ClaimFailed(string what)
    {
        Interlocked.Decrement(ref _claimsHeld);
        Interlocked.Increment(ref _claimFailures);
        Note(what);
    }

    public FleetReading Read()
    {
        lock (_lock)
        {
            return new FleetReading(
                Interlocked.Read(ref _agentsStarted), Interlocked.Read(ref _heartbeats), Interlocked.Read(ref _heartbeatFailures), Interlocked.Read(ref _claimsHeld),
                Interlocked.Read(ref _claimsEmpty), Interlocked.Read(ref _claimsCutShort), Interlocked.Read(ref _claimsWithTask),
                Interlocked.Read(ref _claimFailures), _longestHeartbeatGap.TotalSeconds, _firstFailure);
        }
    }

    private void Note(string what)
    {
        lock (_lock)
        {
            _firstFailure ??= what;
        }
    }
}

/// <summary>
/// The idle agents' counters at one moment (totals since they started): agents whose loops both began, heartbeats answered 200 and failed, claims
/// long-polling now, claims answered 204 (of them, cut short), with a task, failed, and the longest time any agent went
/// between two accepted heartbeats.
/// </summary>
public sealed record FleetReading(
    long AgentsStarted, long Heartbeats, long HeartbeatFailures, long ClaimsHeld, long ClaimsEmpty, long ClaimsCutShort, long ClaimsWithTask, long ClaimFailures,
    double LongestHeartbeatGapSeconds, string? FirstFailure);
