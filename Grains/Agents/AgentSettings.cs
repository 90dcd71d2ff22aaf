namespace Planekeeper.Grains.Agents;

/// <summary>
/// <c>AGENT_HEARTBEAT_INTERVAL</c> (default 15 s): how often agents beat. An agent is offline after
/// <see cref="MissedHeartbeats"/> intervals without one (docs/jobs.md, "Leases and recovery").
/// </summary>
public sealed record AgentSettings(TimeSpan HeartbeatInterval)
{
    public const int MissedHeartbeats = 3;

    public static readonly AgentSettings Default = new(TimeSpan.FromSeconds(15));

    public TimeSpan OfflineAfter => HeartbeatInterval * MissedHeartbeats;
}
