namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// A claimed task: the job to run, its definition as a JSON object (<see cref="JobJson"/>, snake_case, the
/// fields the agent needs), the lease the agent must renew before <see cref="LeaseExpiresAt"/>, and for a gather
/// the upstream's validators from the last run (<see cref="Previous"/>) for a conditional request.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.assignment")]
public sealed record TaskAssignment(
    [property: Id(0)] long TaskId,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] string Kind,
    [property: Id(3)] long JobId,
    [property: Id(4)] int Attempt,
    [property: Id(5)] DateTime LeaseExpiresAt,
    [property: Id(6)] string JobJson,
    [property: Id(7)] UpstreamValidators? Previous = null);

/// <summary>A renewed lease.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.lease")]
public sealed record TaskLease([property: Id(0)] long TaskId, [property: Id(1)] DateTime LeaseExpiresAt);

/// <summary>An engine's answer to the server agents' dispatcher: a task (or none) and whether it has more such work.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.server-claim")]
public sealed record ServerClaim([property: Id(0)] TaskAssignment? Task, [property: Id(1)] bool HasMore);
