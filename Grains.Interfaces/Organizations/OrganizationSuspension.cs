namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>
/// Why requests in an organization are refused: a global admin suspended it (docs/operations.md, "Suspending an
/// organization"). <see cref="Name"/> is there so the refusal can name the organization.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.suspension")]
public sealed record OrganizationSuspension(
    [property: Id(0)] long OrganizationId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTime SuspendedAt,
    [property: Id(3)] string SuspendedBy);
