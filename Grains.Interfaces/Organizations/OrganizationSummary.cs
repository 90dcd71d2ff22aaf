namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>An organization as one of its members sees it in lists, with that member's roles.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.summary")]
public sealed record OrganizationSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] DateTime CreatedAt);
