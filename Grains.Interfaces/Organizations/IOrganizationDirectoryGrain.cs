using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Organizations;

/// <summary>Creating organizations, listing a user's, and describing and accepting invites by token. Stateless.</summary>
[Alias("planekeeper.organizations.directory")]
public interface IOrganizationDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<OrganizationSummary>> CreateAsync(string name, long ownerUserId);

    [Alias("list-for-user")]
    Task<IReadOnlyList<OrganizationSummary>> ListForUserAsync(long userId);

    /// <summary>What the invite behind a link offers the user, before they accept it; not found for an unknown token.</summary>
    [Alias("describe-invite")]
    Task<CommandResult<InviteForAccount>> DescribeInviteAsync(string token, long userId);

    [Alias("accept-invite")]
    Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(string token, long userId);
}
