namespace Planekeeper.Grains.Interfaces.Organizations;

[GenerateSerializer, Immutable, Alias("planekeeper.organizations.member")]
public sealed record MemberRecord(
    [property: Id(0)] long UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] DateTime JoinedAt);
