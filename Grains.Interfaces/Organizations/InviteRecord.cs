namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>An invitation; <see cref="Status"/> is pending, accepted, revoked or expired.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.invite")]
public sealed record InviteRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Role,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTime CreatedAt,
    [property: Id(5)] DateTime ExpiresAt);

/// <summary>A new invitation with its single-use token, which is shown only here.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.created-invite")]
public sealed record CreatedInvite([property: Id(0)] InviteRecord Invite, [property: Id(1)] string Token);
