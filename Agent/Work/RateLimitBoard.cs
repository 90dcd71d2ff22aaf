using System.Collections.Concurrent;
using Planekeeper.Agent.Gathering;

namespace Planekeeper.Agent.Work;

/// <summary>The last rate-limit quota each upstream reported (e.g. GitHub), sent with every heartbeat.</summary>
public sealed class RateLimitBoard
{
    private readonly ConcurrentDictionary<string, RateLimitStatus> _latest = new();

    public void Record(string upstream, RateLimitStatus status) => _latest[upstream] = status;

    /// <returns>Null when nothing was reported yet, else <c>{"github": {"limit": …, "remaining": …, "resets_at": …}}</c>.</returns>
    public object? Snapshot() => _latest.IsEmpty
        ? null
        : _latest.ToDictionary(entry => entry.Key, entry => new { limit = entry.Value.Limit, remaining = entry.Value.Remaining, resets_at = entry.Value.ResetsAt });
}
