using Planekeeper.Grains.Access;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Identity;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Organizations;

/// <summary>
/// One organization's members and invites. The member rows are written here; the roles they hold are
/// written by the organization's <see cref="IPermissionGrain"/>, which also guards the last owner.
/// </summary>
[GrainType("planekeeper.organizations.organization")]
public sealed class OrganizationGrain(
    OrganizationStore organizations, OrganizationOverviewStore overview, InviteStore invites, AccessChangeStore accessChanges, AuditWriter audit, TimeProvider clock)
    : Grain, IOrganizationGrain
{
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    private HashSet<long> _members = [];

    private bool _exists;

    private OrganizationSuspension? _suspension;

    private readonly AccessCacheWatchers _suspensionWatchers = new();

    private long OrganizationId => this.GetPrimaryKeyLong();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IPermissionGrain Permissions => GrainFactory.GetGrain<IPermissionGrain>(OrganizationId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _members = await organizations.MemberIdsAsync(OrganizationId, cancellationToken);
        (_exists, _suspension) = await organizations.SuspensionAsync(OrganizationId, cancellationToken);
    }

    public Task<bool> IsMemberAsync(long userId) => Task.FromResult(_members.Contains(userId));

    public Task<OrganizationSuspension?> GetSuspensionAsync() => Task.FromResult(_suspension);

    public Task<OrganizationSuspension?> GetSuspensionAsync(IAccessCacheObserver watcher)
    {
        _suspensionWatchers.Add(watcher);
        return Task.FromResult(_suspension);
    }

    public async Task<CommandResult<OrganizationOverview>> SetSuspendedAsync(string actor, bool suspended)
    {
        if (!_exists)
        {
            // Activated before the organization was created (a probe with its id): look again.
            (_exists, _suspension) = await organizations.SuspensionAsync(OrganizationId);
        }

        if (!_exists || OrganizationId == 0)
        {
            return CommandResult<OrganizationOverview>.NotFound($"no organization {OrganizationId}");
        }

        if ((_suspension is not null) != suspended)
        {
            // Recorded before the write; a frontend that reads it asks this grain again, and that call (not interleaved)
            // waits for this one (docs/security.md, "Verified API keys").
            await accessChanges.RecordAsync(AccessChangeKind.Suspension, OrganizationId);
            await organizations.SetSuspendedAsync(OrganizationId, actor, suspended);
            (_, _suspension) = await organizations.SuspensionAsync(OrganizationId);
            await _suspensionWatchers.TellAsync(watcher => watcher.SuspensionChangedAsync(OrganizationId));
            await audit.WriteAsync(new AuditEntry(OrganizationId, actor, suspended ? "organization.suspended" : "organization.unsuspended", $"organization:{OrganizationId}"));
            if (!suspended)
            {
                // Server agents skipped it while suspended (docs/operations.md, "Suspending an organization").
                await GrainFactory.GetGrain<IServerDispatchGrain>(0).OfferAsync(OrganizationId);
            }
        }

        return CommandResult<OrganizationOverview>.Ok((await overview.GetAsync(OrganizationId))!);
    }

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync() => await organizations.ListMembersAsync(OrganizationId);

    public async Task<MemberRecord?> GetMemberAsync(long userId) =>
        _members.Contains(userId) ? (await organizations.ListMembersAsync(OrganizationId, userId)).SingleOrDefault() : null;

    public async Task<CommandResult<MemberRecord>> ChangeMemberRoleAsync(string actor, long userId, string role, ExpectedVersion? expected)
    {
        if (!_members.Contains(userId))
        {
            return CommandResult<MemberRecord>.NotFound($"user {userId} is not a member of this organization");
        }

        var result = await Permissions.ReplaceRolesAsync(actor, Subjects.User(userId), [role], expected);
        if (result.Status != CommandStatus.Ok)
        {
            return result.Without<MemberRecord>();
        }

        return CommandResult<MemberRecord>.Ok((await GetMemberAsync(userId))!);
    }

    public async Task<CommandResult<bool>> RemoveMemberAsync(string actor, long userId, ExpectedVersion? expected)
    {
        if (!_members.Contains(userId))
        {
            return CommandResult<bool>.NotFound($"user {userId} is not a member of this organization");
        }

        var result = await Permissions.ReplaceRolesAsync(actor, Subjects.User(userId), [], expected);
        if (result.Status != CommandStatus.Ok)
        {
            return result.Without<bool>();
        }

        // Before the member row goes, so a retry after a crash finds the member and finishes the job.
        await GrainFactory.GetGrain<IApiKeyDirectoryGrain>(0).DeactivateCreatedByAsync(actor, OrganizationId, userId);
        await organizations.RemoveMemberAsync(OrganizationId, userId);
        _members.Remove(userId);
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "member.removed", Subjects.User(userId)));
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<CreatedInvite>> CreateInviteAsync(string actor, string email, string role)
    {
        var normalized = EmailAddress.Normalize(email);
        if (normalized is null)
        {
            return CommandResult<CreatedInvite>.Invalid("email", "email must be a valid address");
        }

        if (await Permissions.GetRoleAsync(role ?? "") is null)
        {
            return CommandResult<CreatedInvite>.Invalid("role", $"no role '{role}' in this organization");
        }

        // The invitee gets the role on acceptance, without a second check: the inviter must hold it now.
        var mayGrant = await Permissions.MayGrantAsync(actor, [role!]);
        if (mayGrant.Status != CommandStatus.Ok)
        {
            return mayGrant.Without<CreatedInvite>();
        }

        var token = SecretToken.New();
        var now = Now;
        var row = await invites.InsertAsync(OrganizationId, normalized, role!, SecretToken.Hash(token), Subjects.UserIdOf(actor), now + InviteLifetime);
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "invite.created", $"invite:{row.Id}", new { email = normalized, role }));
        return CommandResult<CreatedInvite>.Ok(new CreatedInvite(row.ToRecord(now), token));
    }

    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync()
    {
        var now = Now;
        return (await invites.ListAsync(OrganizationId)).Select(row => row.ToRecord(now)).ToList();
    }

    public async Task<CommandResult<InviteRecord>> RevokeInviteAsync(string actor, long inviteId)
    {
        var invite = await FindInviteAsync(inviteId);
        if (invite is null)
        {
            return CommandResult<InviteRecord>.NotFound($"no invite {inviteId}");
        }

        if (invite.StatusAt(Now) is not "pending" and var status)
        {
            return CommandResult<InviteRecord>.Conflict($"the invite is {status}");
        }

        await invites.RevokeAsync(inviteId);
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "invite.revoked", $"invite:{inviteId}"));
        return CommandResult<InviteRecord>.Ok((await FindInviteAsync(inviteId))!.ToRecord(Now));
    }

    public async Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(long inviteId, long userId)
    {
        var invite = await FindInviteAsync(inviteId);
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync();
        if (invite is null || user is null || !string.Equals(invite.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return CommandResult<OrganizationSummary>.NotFound("no such invite for this account");
        }

        if (invite.StatusAt(Now) is not "pending" and var status)
        {
            return CommandResult<OrganizationSummary>.Conflict($"the invite is {status}");
        }

        await AddMemberAsync(inviteId, userId);
        var subject = Subjects.User(userId);
        var roles = await Permissions.AssignAsync(Subjects.SystemActor($"invite:{inviteId}"), subject, invite.Role);
        await audit.WriteAsync(new AuditEntry(OrganizationId, subject, "invite.accepted", $"invite:{inviteId}", new { role = invite.Role }));
        var (name, createdAt) = await organizations.GetAsync(OrganizationId);
        return CommandResult<OrganizationSummary>.Ok(new OrganizationSummary(OrganizationId, name, roles.Value ?? [], createdAt));
    }

    private async Task AddMemberAsync(long inviteId, long userId)
    {
        await invites.AcceptAsync(OrganizationId, inviteId, userId);
        _members.Add(userId);
    }

    private Task<InviteRow?> FindInviteAsync(long inviteId) => invites.GetAsync(OrganizationId, inviteId);
}
