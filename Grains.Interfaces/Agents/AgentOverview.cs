namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>
/// One agent of any organization, as the Internal UI and <c>GET /api/v1/internal/agents</c> list them.
/// <see cref="Status"/> is online or offline, computed as the organization's agents page does (a heartbeat within
/// AGENT_OFFLINE_AFTER).
/// </summary>
/// <param name="Kind"><c>organization</c> for an organization's own agent, <c>server</c> for a server agent (organization 0).</param>
/// <param name="OrganizationName">Null for a server agent.</param>
/// <param name="RunningJobs">How many jobs it holds now.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.overview")]
public sealed record AgentOverview(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] long OrganizationId,
    [property: Id(4)] string? OrganizationName,
    [property: Id(5)] string Version,
    [property: Id(6)] string Status,
    [property: Id(7)] DateTime LastHeartbeatAt,
    [property: Id(8)] DateTime CreatedAt,
    [property: Id(9)] int RunningJobs)
{
    public const string OrganizationKind = "organization";
    public const string ServerKind = "server";
}
