namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>An agent as the agents list shows it; <see cref="Status"/> is online or offline.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.record")]
public sealed record AgentRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] long ApiKeyId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Version,
    [property: Id(5)] string Status,
    [property: Id(6)] IReadOnlyList<string> Capabilities,
    [property: Id(7)] IReadOnlyList<AgentCredential> Credentials,
    [property: Id(8)] DateTime LastHeartbeatAt,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] IReadOnlyList<RunningTask> RunningJobs,
    [property: Id(11)] IReadOnlyDictionary<string, UpstreamRateLimit> RateLimits);

/// <summary>A job an agent is running now, under the task it claimed.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.running-task")]
public sealed record RunningTask(
    [property: Id(0)] long TaskId,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Kind,
    [property: Id(3)] long JobId,
    [property: Id(4)] DateTime StartedAt);

/// <summary>The answer to a heartbeat: who the agent is, whose (organization 0: a server agent) and how often to beat.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.registration")]
public sealed record AgentRegistration([property: Id(0)] long AgentId, [property: Id(1)] int HeartbeatIntervalSeconds, [property: Id(2)] long OrganizationId);
