using System.Collections.Concurrent;
using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The frontend's way to the cluster's rate-limit windows: one grain call per permit, except that a partition the
/// cluster refused stays refused here until its window ends, without asking again. So a flood from one caller
/// costs the cluster one call per window and frontend, not one per request. When the cluster does not answer
/// within a second the limit stays open.
/// </summary>
public sealed class ClusterRateLimits(IClusterClient cluster, TimeProvider clock)
{
    /// <summary>Above this many refused partitions the ones whose window has ended are dropped.</summary>
    private const int PruneAbove = 10_000;

    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _refusedUntil = new();

    public async ValueTask<RateLimitDecision> TryAcquireAsync(string partition, RateLimitPolicy policy)
    {
        if (IsRefused(partition, out var retryAfter))
        {
            return new RateLimitDecision(false, retryAfter);
        }

        RateLimitDecision decision;
        try
        {
            decision = await cluster.GetGrain<IRateLimitGrain>(partition).TryAcquireAsync(policy).WaitAsync(ClusterTimeout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Open while the cluster does not answer (not connected yet, silo lost, timeout): the request itself then
            // meets the outage (e.g. a 503), not a 500 from here.
            return RateLimitDecision.Granted;
        }

        if (!decision.Acquired)
        {
            Remember(partition, clock.GetUtcNow() + decision.RetryAfter);
        }

        return decision;
    }

    /// <summary>Whether the cluster refused this partition and its window has not ended yet (no cluster call).</summary>
    public bool IsRefused(string partition, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_refusedUntil.TryGetValue(partition, out var until))
        {
            return false;
        }

        retryAfter = until - clock.GetUtcNow();
        if (retryAfter > TimeSpan.Zero)
        {
            return true;
        }

        _refusedUntil.TryRemove(KeyValuePair.Create(partition, until));
        return false;
    }

    private void Remember(string partition, DateTimeOffset until)
    {
        if (_refusedUntil.Count > PruneAbove)
        {
            var now = clock.GetUtcNow();
            foreach (var entry in _refusedUntil.Where(entry => entry.Value <= now))
            {
                _refusedUntil.TryRemove(entry);
            }
        }

        _refusedUntil[partition] = until;
    }
}
