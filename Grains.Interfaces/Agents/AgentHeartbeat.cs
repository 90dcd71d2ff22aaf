using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>What an agent says about itself every heartbeat (docs/jobs.md, "Agents").</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.heartbeat")]
public sealed record AgentHeartbeat(
    [property: Id(0)] string? AgentName,
    [property: Id(1)] string? Version,
    [property: Id(2)] IReadOnlyList<string>? Capabilities,
    [property: Id(3)] IReadOnlyList<AgentCredential>? Credentials,
    [property: Id(4)] IReadOnlyDictionary<string, UpstreamRateLimit>? RateLimits = null);

/// <summary>An upstream's rate-limit quota as the agent last saw it (e.g. <c>github</c>).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.rate-limit")]
public sealed record UpstreamRateLimit([property: Id(0)] int Limit, [property: Id(1)] int Remaining, [property: Id(2)] DateTime ResetsAt);

/// <summary>The name and type of a credential the agent holds; never its secret.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.credential")]
public sealed record AgentCredential([property: Id(0)] string? Name, [property: Id(1), ValuesOf(typeof(CredentialTypes))] string? Type);
