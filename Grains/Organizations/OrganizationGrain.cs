using Dapper;
using Npgsql;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Identity;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Grains.Permissions;

namespace Planekeeper.Grains.Organizations;

/// <summary>
/// One organization's members and invites. The member rows are written here; the roles they hold are
/// written by the organization's <see cref="IPermissionGrain"/>, which also guards the last owner.
/// </summary>
[GrainType("planekeeper.organizations.organization")]
public sealed class OrganizationGrain(NpgsqlDataSource database, AuditWriter audit) : Grain, IOrganizationGrain
{
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    private sealed record InviteRow(long Id, string Email, string Role, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, DateTime? RevokedAt)
    {
        public string Status => AcceptedAt is not null ? "accepted" : RevokedAt is not null ? "revoked" : ExpiresAt <= DateTime.UtcNow ? "expired" : "pending";

        public InviteRecord ToRecord() => new(Id, Email, Role, Status, CreatedAt, ExpiresAt);
    }

    // A class with setters: Dapper matches constructors by exact type, and Npgsql reports text[] as Array.
    private sealed class MemberRow
    {
        public long UserId { get; init; }

        public string Email { get; init; } = "";

        public DateTime JoinedAt { get; init; }

        public string[] Roles { get; init; } = [];
    }

    private const string InviteColumns = "id, email, role, created_at AS CreatedAt, expires_at AS ExpiresAt, accepted_at AS AcceptedAt, revoked_at AS RevokedAt";

    private HashSet<long> _members = [];

    private long OrganizationId => this.GetPrimaryKeyLong();

    private IPermissionGrain Permissions => GrainFactory.GetGrain<IPermissionGrain>(OrganizationId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        _members = (await connection.QueryAsync<long>("SELECT user_id FROM organization_members WHERE organization_id = @Id", new { Id = OrganizationId })).ToHashSet();
    }

    public Task<bool> IsMemberAsync(long userId) => Task.FromResult(_members.Contains(userId));

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<MemberRow>(
            $"""
            SELECT m.user_id AS UserId, u.email, m.created_at AS JoinedAt,
                   {AccessSql.Roles} AS Roles
              FROM organization_members m
              JOIN users u ON u.id = m.user_id
              {AccessSql.JoinRoles("'user:' || m.user_id", "m.organization_id")}
             WHERE m.organization_id = @Id
             GROUP BY m.user_id, u.email, m.created_at
             ORDER BY m.user_id
            """,
            new { Id = OrganizationId });
        return rows.Select(row => new MemberRecord(row.UserId, row.Email, row.Roles, row.JoinedAt)).ToList();
    }

    public async Task<CommandResult<MemberRecord>> ChangeMemberRoleAsync(string actor, long userId, string role)
    {
        if (!_members.Contains(userId))
        {
            return CommandResult<MemberRecord>.NotFound($"user {userId} is not a member of this organization");
        }

        var result = await Permissions.ReplaceRolesAsync(actor, Subjects.User(userId), [role]);
        if (result.Status != CommandStatus.Ok)
        {
            return result.Without<MemberRecord>();
        }

        return CommandResult<MemberRecord>.Ok((await ListMembersAsync()).Single(m => m.UserId == userId));
    }

    public async Task<CommandResult<bool>> RemoveMemberAsync(string actor, long userId)
    {
        if (!_members.Contains(userId))
        {
            return CommandResult<bool>.NotFound($"user {userId} is not a member of this organization");
        }

        var result = await Permissions.ReplaceRolesAsync(actor, Subjects.User(userId), []);
        if (result.Status != CommandStatus.Ok)
        {
            return result.Without<bool>();
        }

        // Before the member row goes, so a retry after a crash finds the member and finishes the job.
        await GrainFactory.GetGrain<IApiKeysGrain>(0).DeactivateCreatedByAsync(actor, OrganizationId, userId);
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM organization_members WHERE organization_id = @Id AND user_id = @UserId", new { Id = OrganizationId, UserId = userId });
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
        await using var connection = await database.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<InviteRow>(
            $"""
            INSERT INTO organization_invites (organization_id, email, role, token_hash, created_by, expires_at)
            VALUES (@Id, @Email, @Role, @Hash, @CreatedBy, @ExpiresAt)
            RETURNING {InviteColumns}
            """,
            new { Id = OrganizationId, Email = normalized, Role = role, Hash = SecretToken.Hash(token), CreatedBy = Subjects.UserIdOf(actor), ExpiresAt = DateTime.UtcNow + InviteLifetime });
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "invite.created", $"invite:{row.Id}", new { email = normalized, role }));
        return CommandResult<CreatedInvite>.Ok(new CreatedInvite(row.ToRecord(), token));
    }

    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<InviteRow>($"SELECT {InviteColumns} FROM organization_invites WHERE organization_id = @Id ORDER BY id DESC", new { Id = OrganizationId });
        return rows.Select(row => row.ToRecord()).ToList();
    }

    public async Task<CommandResult<InviteRecord>> RevokeInviteAsync(string actor, long inviteId)
    {
        var invite = await FindInviteAsync(inviteId);
        if (invite is null)
        {
            return CommandResult<InviteRecord>.NotFound($"no invite {inviteId}");
        }

        if (invite.Status != "pending")
        {
            return CommandResult<InviteRecord>.Conflict($"the invite is {invite.Status}");
        }

        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE organization_invites SET revoked_at = now() WHERE id = @InviteId", new { InviteId = inviteId });
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "invite.revoked", $"invite:{inviteId}"));
        return CommandResult<InviteRecord>.Ok((await FindInviteAsync(inviteId))!.ToRecord());
    }

    public async Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(long inviteId, long userId)
    {
        var invite = await FindInviteAsync(inviteId);
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).GetAsync();
        if (invite is null || user is null || !string.Equals(invite.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return CommandResult<OrganizationSummary>.NotFound("no such invite for this account");
        }

        if (invite.Status != "pending")
        {
            return CommandResult<OrganizationSummary>.Conflict($"the invite is {invite.Status}");
        }

        await AddMemberAsync(inviteId, userId);
        var subject = Subjects.User(userId);
        var roles = await Permissions.AssignAsync(Subjects.SystemActor($"invite:{inviteId}"), subject, invite.Role);
        await audit.WriteAsync(new AuditEntry(OrganizationId, subject, "invite.accepted", $"invite:{inviteId}", new { role = invite.Role }));
        var (name, createdAt) = await OrganizationRecordAsync();
        return CommandResult<OrganizationSummary>.Ok(new OrganizationSummary(OrganizationId, name, roles.Value ?? [], createdAt));
    }

    private async Task AddMemberAsync(long inviteId, long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE organization_invites SET accepted_at = now(), accepted_by = @UserId WHERE id = @InviteId", new { InviteId = inviteId, UserId = userId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO organization_members (organization_id, user_id) VALUES (@Id, @UserId) ON CONFLICT DO NOTHING", new { Id = OrganizationId, UserId = userId }, transaction);
        await transaction.CommitAsync();
        _members.Add(userId);
    }

    private async Task<InviteRow?> FindInviteAsync(long inviteId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<InviteRow>(
            $"SELECT {InviteColumns} FROM organization_invites WHERE id = @InviteId AND organization_id = @Id", new { InviteId = inviteId, Id = OrganizationId });
    }

    private async Task<(string Name, DateTime CreatedAt)> OrganizationRecordAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, DateTime)>("SELECT name, created_at FROM organizations WHERE id = @Id", new { Id = OrganizationId });
    }
}
