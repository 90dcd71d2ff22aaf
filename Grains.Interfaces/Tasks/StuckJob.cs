namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// A job in progress for long, as <c>GET /api/v1/internal/jobs/stuck</c> and the Internal UI list it.
/// </summary>
/// <param name="InProgressSince">When the agent claimed it (the run's start).</param>
/// <param name="LeaseExpiresAt">When its claim runs out unless the agent renews it.</param>
/// <param name="AgentId">The agent that claimed it; <see cref="AgentName"/> is null once that agent is gone.</param>
/// <param name="OrganizationName">Null for a job of organization 0.</param>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.stuck-job")]
public sealed record StuckJob(
    [property: Id(0)] JobRef Job,
    [property: Id(1)] string JobName,
    [property: Id(2)] long OrganizationId,
    [property: Id(3)] string? OrganizationName,
    [property: Id(4)] long? AgentId,
    [property: Id(5)] string? AgentName,
    [property: Id(6)] DateTime InProgressSince,
    [property: Id(7)] DateTime? LeaseExpiresAt);
