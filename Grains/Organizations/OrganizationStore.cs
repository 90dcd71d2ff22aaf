using Dapper;
using Npgsql;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Grains.Organizations;

/// <summary>The rows of <c>organizations</c> and <c>organization_members</c>, with the members' roles read from casbin_rule.</summary>
public sealed class OrganizationStore(NpgsqlDataSource database)
{
    private static readonly string ListForUser = $"""
        SELECT o.id, o.name, o.created_at AS CreatedAt,
               {AccessSql.Roles} AS Roles
          FROM organization_members m
          JOIN organizations o ON o.id = m.organization_id
          {AccessSql.JoinRoles("'user:' || m.user_id", "o.id")}
         WHERE m.user_id = @UserId
         GROUP BY o.id, o.name, o.created_at
         ORDER BY o.id
        """;

    // Classes with setters: Dapper matches constructors by exact type, and Npgsql reports text[] as Array.
    private sealed class OrganizationRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public string[] Roles { get; init; } = [];
    }

    private sealed class SuspensionRow
    {
        public string Name { get; init; } = "";

        public DateTime? SuspendedAt { get; init; }

        public string? SuspendedBy { get; init; }
    }

    private sealed class MemberRow
    {
        public long UserId { get; init; }

        public string Email { get; init; } = "";

        public DateTime JoinedAt { get; init; }

        public string[] Roles { get; init; } = [];

        public int Version { get; init; }
    }

    /// <summary>Creates the organization with its first member, who holds the owner role, in one transaction.</summary>
    public async Task<(long Id, DateTime CreatedAt)> CreateAsync(string name, long ownerUserId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await connection.QuerySingleAsync<(long Id, DateTime CreatedAt)>(
            "INSERT INTO organizations (name) VALUES (@Name) RETURNING id, created_at", new { Name = name }, transaction);
        await connection.ExecuteAsync("INSERT INTO organization_members (organization_id, user_id) VALUES (@OrganizationId, @UserId)", new { OrganizationId = row.Id, UserId = ownerUserId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', @Subject, @Role, @Domain)",
            new { Subject = Subjects.User(ownerUserId), Role = BuiltInRoles.Owner, Domain = Subjects.Domain(row.Id) },
            transaction);
        await transaction.CommitAsync();
        return row;
    }

    public async Task<(string Name, DateTime CreatedAt)> GetAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, DateTime)>("SELECT name, created_at FROM organizations WHERE id = @Id", new { Id = organizationId });
    }

    /// <summary>The organizations a user is a member of, with the roles the user holds in each.</summary>
    public async Task<List<OrganizationSummary>> ListForUserAsync(long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<OrganizationRow>(ListForUser, new { UserId = userId });
        return rows.Select(row => new OrganizationSummary(row.Id, row.Name, row.Roles, row.CreatedAt)).ToList();
    }

    /// <returns>The organization's suspension, null when it is not suspended; not found: no row.</returns>
    public async Task<(bool Found, OrganizationSuspension? Suspension)> SuspensionAsync(long organizationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SuspensionRow>(
            "SELECT name, suspended_at AS SuspendedAt, suspended_by AS SuspendedBy FROM organizations WHERE id = @Id", new { Id = organizationId });
        return row is null ? (false, null) : (true, row.SuspendedAt is { } at ? new OrganizationSuspension(organizationId, row.Name, at, row.SuspendedBy ?? "") : null);
    }

    /// <summary>Suspends the organization, keeping the first suspension's time and actor, or lifts its suspension.</summary>
    public async Task SetSuspendedAsync(long organizationId, string actor, bool suspended)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            suspended
                ? "UPDATE organizations SET suspended_at = coalesce(suspended_at, now()), suspended_by = coalesce(suspended_by, @Actor), updated_at = now(), version = version + 1 WHERE id = @Id"
                : "UPDATE organizations SET suspended_at = NULL, suspended_by = NULL, updated_at = now(), version = version + 1 WHERE id = @Id",
            new { Id = organizationId, Actor = actor });
    }

    public async Task<HashSet<long>> MemberIdsAsync(long organizationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>("SELECT user_id FROM organization_members WHERE organization_id = @Id", new { Id = organizationId })).ToHashSet();
    }

    /// <summary>The organization's members, or only <paramref name="userId"/> when given.</summary>
    public async Task<List<MemberRecord>> ListMembersAsync(long organizationId, long? userId = null)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<MemberRow>(
            $"""
            SELECT m.user_id AS UserId, u.email, m.created_at AS JoinedAt, m.version,
                   {AccessSql.Roles} AS Roles
              FROM organization_members m
              JOIN users u ON u.id = m.user_id
              {AccessSql.JoinRoles("'user:' || m.user_id", "m.organization_id")}
             WHERE m.organization_id = @Id AND (@UserId::bigint IS NULL OR m.user_id = @UserId)
             GROUP BY m.user_id, u.email, m.created_at, m.version
             ORDER BY m.user_id
            """,
            new { Id = organizationId, UserId = userId });
        return rows.Select(row => new MemberRecord(row.UserId, row.Email, row.Roles, row.JoinedAt) { Version = row.Version }).ToList();
    }

    public async Task RemoveMemberAsync(long organizationId, long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM organization_members WHERE organization_id = @Id AND user_id = @UserId", new { Id = organizationId, UserId = userId });
    }
}
