namespace Planekeeper.Grains.Agents;

/// <summary>One agent's row in a <see cref="HeartbeatBatch"/>; <see cref="AgentId"/> is known once the batch is written.</summary>
public sealed class SavedHeartbeat(long organizationId, long apiKeyId)
{
    public long OrganizationId { get; } = organizationId;

    public long ApiKeyId { get; } = apiKeyId;

    public ValidHeartbeat Agent { get; set; } = null!;

    public DateTime At { get; set; }

    public long AgentId { get; set; }
}
