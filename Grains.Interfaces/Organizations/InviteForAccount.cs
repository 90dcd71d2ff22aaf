namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>
/// What an invite link offers the account that opened it: the organization, the role, the invite's state and expiry,
/// and whether it was made for this account's email (only then can it be accepted). The invitee's email is not told.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.organizations.invite-for-account")]
public sealed record InviteForAccount(
    [property: Id(0)] string OrganizationName,
    [property: Id(1)] string Role,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTime ExpiresAt,
    [property: Id(4)] bool ForThisAccount);
