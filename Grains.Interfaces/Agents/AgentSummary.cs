namespace Planekeeper.Grains.Interfaces.Agents;

/// <summary>Agents online and offline, queued jobs, and the queued jobs no online agent can run (with why).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.agents.summary")]
public sealed record AgentSummary(
    [property: Id(0)] int Online,
    [property: Id(1)] int Offline,
    [property: Id(2)] int QueuedJobs,
    [property: Id(3)] IReadOnlyList<UncoveredJob> Uncovered);

[GenerateSerializer, Immutable, Alias("planekeeper.agents.uncovered-job")]
public sealed record UncoveredJob([property: Id(0)] string Kind, [property: Id(1)] long JobId, [property: Id(2)] string JobName, [property: Id(3)] string Reason);
