using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>
/// One organization: its record, members and invites. Role changes go through its permission grain. The membership
/// check interleaves with everything, so a member write waiting for the database never stalls it.
/// </summary>
[Alias("planekeeper.organizations.organization")]
public interface IOrganizationGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    [Alias("is-member")]
    Task<bool> IsMemberAsync(long userId);

    /// <summary>
    /// The organization's suspension, or null when it is not suspended (or does not exist). Kept in memory and
    /// interleaved with everything: the frontend asks it on every request made in the organization.
    /// </summary>
    [AlwaysInterleave]
    [Alias("suspension")]
    Task<OrganizationSuspension?> GetSuspensionAsync();

    /// <summary>
    /// As <see cref="GetSuspensionAsync()"/>, for a frontend that caches the answer: its <paramref name="watcher"/> is
    /// told when the organization is suspended or the suspension lifted (docs/security.md, "Verified API keys"). Not
    /// interleaved: asked during a change, it answers after the change, so no frontend keeps the state from before it.
    /// </summary>
    [Alias("suspension-watched")]
    Task<OrganizationSuspension?> GetSuspensionAsync(IAccessCacheObserver watcher);

    /// <summary>
    /// A global admin suspends the organization (<paramref name="suspended"/> true) or lifts the suspension. Idempotent:
    /// suspending a suspended organization keeps its first time and actor. Audited. Not found for an unknown organization.
    /// </summary>
    /// <returns>The organization as the overview shows it, after the change.</returns>
    [Alias("set-suspended")]
    Task<CommandResult<OrganizationOverview>> SetSuspendedAsync(string actor, bool suspended);

    [ReadOnly]
    [Alias("members")]
    Task<IReadOnlyList<MemberRecord>> ListMembersAsync();

    /// <summary>One member with its version (the <c>ETag</c>), or null when the user is not a member.</summary>
    [ReadOnly]
    [Alias("member")]
    Task<MemberRecord?> GetMemberAsync(long userId);

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the member's version (docs/api.md, "ETags and If-Match"); null: any.</summary>
    [Alias("change-role")]
    Task<CommandResult<MemberRecord>> ChangeMemberRoleAsync(string actor, long userId, string role, ExpectedVersion? expected = null);

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the member's version; null: any.</summary>
    [Alias("remove-member")]
    Task<CommandResult<bool>> RemoveMemberAsync(string actor, long userId, ExpectedVersion? expected = null);

    [Alias("create-invite")]
    Task<CommandResult<CreatedInvite>> CreateInviteAsync(string actor, string email, string role);

    [ReadOnly]
    [Alias("invites")]
    Task<IReadOnlyList<InviteRecord>> ListInvitesAsync();

    [Alias("revoke-invite")]
    Task<CommandResult<InviteRecord>> RevokeInviteAsync(string actor, long inviteId);

    [Alias("accept-invite")]
    Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(long inviteId, long userId);
}
