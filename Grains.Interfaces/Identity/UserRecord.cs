namespace Planekeeper.Grains.Interfaces.Identity;

[GenerateSerializer, Immutable, Alias("planekeeper.identity.user-record")]
public sealed record UserRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] string Email,
    [property: Id(2)] bool IsApproved,
    [property: Id(3)] bool IsSuperAdmin,
    [property: Id(4)] DateTime CreatedAt);
