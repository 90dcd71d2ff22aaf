using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Agents;

/// <summary>
/// Heartbeats that came while the previous batch was being written: one <c>agents</c> row each, written together in one
/// statement (<see cref="AgentStore.SaveHeartbeatsAsync"/>). An agent that beats twice in one batch has one row in it,
/// as the second of two writes would have left it; both callers get its id.
/// </summary>
public sealed class HeartbeatBatch : ICommitBatch
{
    /// <summary>Rows per statement; more heartbeats wait for the next batch.</summary>
    public const int MaxHeartbeats = 500;

    private readonly Dictionary<(long ApiKeyId, string Name), SavedHeartbeat> _heartbeats = new();

    public bool IsEmpty => _heartbeats.Count == 0;

    public bool IsFull => _heartbeats.Count >= MaxHeartbeats;

    public IReadOnlyCollection<SavedHeartbeat> Heartbeats => _heartbeats.Values;

    public SavedHeartbeat Add(long organizationId, long apiKeyId, ValidHeartbeat agent, DateTime at)
    {
        var key = (apiKeyId, agent.Name);
        // An empty rate-limit report keeps the stored limits (AgentStore), so the earlier heartbeat's limits stand.
        var rateLimits = agent.RateLimits.Count == 0 && _heartbeats.TryGetValue(key, out var earlier) ? earlier.Agent.RateLimits : agent.RateLimits;
        if (!_heartbeats.TryGetValue(key, out var saved))
        {
            saved = new SavedHeartbeat(organizationId, apiKeyId);
            _heartbeats[key] = saved;
        }

        saved.Agent = agent with { RateLimits = rateLimits };
        saved.At = at;
        return saved;
    }
}
