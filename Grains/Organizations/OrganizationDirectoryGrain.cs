using Orleans.Concurrency;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Grains.Organizations;

[StatelessWorker]
[GrainType("planekeeper.organizations.directory")]
public sealed class OrganizationDirectoryGrain(OrganizationStore organizations, InviteStore invites, AuditWriter audit, TimeProvider clock) : Grain, IOrganizationDirectoryGrain
{
    public async Task<CommandResult<OrganizationSummary>> CreateAsync(string name, long ownerUserId)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult<OrganizationSummary>.Invalid("name", "name is required (at most 200 characters)");
        }

        // A new organization has no grains yet, so writing its first rows here races with no owner.
        var row = await organizations.CreateAsync(trimmed, ownerUserId);
        await audit.WriteAsync(new AuditEntry(row.Id, Subjects.User(ownerUserId), "organization.created", $"organization:{row.Id}", new { name = trimmed }));
        return CommandResult<OrganizationSummary>.Ok(new OrganizationSummary(row.Id, trimmed, [BuiltInRoles.Owner], row.CreatedAt));
    }

    public async Task<IReadOnlyList<OrganizationSummary>> ListForUserAsync(long userId) => await organizations.ListForUserAsync(userId);

    public async Task<CommandResult<InviteForAccount>> DescribeInviteAsync(string token, long userId)
    {
        var found = await invites.FindByTokenAsync(SecretToken.Hash(token ?? ""));
        var invite = found is { } at ? await invites.GetAsync(at.OrganizationId, at.Id) : null;
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync();
        if (invite is null || user is null)
        {
            return CommandResult<InviteForAccount>.NotFound("no such invite");
        }

        var (name, _) = await organizations.GetAsync(found!.Value.OrganizationId);
        var forThisAccount = string.Equals(invite.Email, user.Email, StringComparison.OrdinalIgnoreCase);
        return CommandResult<InviteForAccount>.Ok(
            new InviteForAccount(name, invite.Role, invite.StatusAt(clock.GetUtcNow().UtcDateTime), invite.ExpiresAt, forThisAccount));
    }

    public async Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(string token, long userId)
    {
        var invite = await invites.FindByTokenAsync(SecretToken.Hash(token ?? ""));
        return invite is { } found
            ? await GrainFactory.GetGrain<IOrganizationGrain>(found.OrganizationId).AcceptInviteAsync(found.Id, userId)
            : CommandResult<OrganizationSummary>.NotFound("no such invite");
    }
}
