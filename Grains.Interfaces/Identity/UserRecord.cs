namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>A user account; <see cref="LockedAt"/> is set while a global admin keeps it locked.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.identity.user-record")]
public sealed record UserRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] string Email,
    [property: Id(2)] bool IsApproved,
    [property: Id(3)] bool IsSuperAdmin,
    [property: Id(4)] DateTime CreatedAt,
    [property: Id(5)] DateTime? LockedAt = null)
{
    /// <summary>Locked by a global admin (not the brute-force lockout, which ends by itself).</summary>
    public bool IsLocked => LockedAt is not null;
}
