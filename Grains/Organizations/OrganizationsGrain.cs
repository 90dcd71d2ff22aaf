using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Grains.Permissions;

namespace Planekeeper.Grains.Organizations;

[StatelessWorker]
[GrainType("planekeeper.organizations.directory")]
public sealed class OrganizationsGrain(NpgsqlDataSource database, AuditWriter audit) : Grain, IOrganizationsGrain
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

    // A class with setters: Dapper matches constructors by exact type, and Npgsql reports text[] as Array.
    private sealed class OrganizationRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public string[] Roles { get; init; } = [];
    }

    public async Task<CommandResult<OrganizationSummary>> CreateAsync(string name, long ownerUserId)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            return CommandResult<OrganizationSummary>.Invalid("name", "name is required (at most 200 characters)");
        }

        // A new organization has no grains yet, so writing its first rows here races with no owner.
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await connection.QuerySingleAsync<(long Id, DateTime CreatedAt)>(
            "INSERT INTO organizations (name) VALUES (@Name) RETURNING id, created_at", new { Name = trimmed }, transaction);
        await connection.ExecuteAsync("INSERT INTO organization_members (organization_id, user_id) VALUES (@OrganizationId, @UserId)", new { OrganizationId = row.Id, UserId = ownerUserId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', @Subject, @Role, @Domain)",
            new { Subject = Subjects.User(ownerUserId), Role = BuiltInRoles.Owner, Domain = Subjects.Domain(row.Id) },
            transaction);
        await transaction.CommitAsync();

        await audit.WriteAsync(new AuditEntry(row.Id, Subjects.User(ownerUserId), "organization.created", $"organization:{row.Id}", new { name = trimmed }));
        return CommandResult<OrganizationSummary>.Ok(new OrganizationSummary(row.Id, trimmed, [BuiltInRoles.Owner], row.CreatedAt));
    }

    public async Task<IReadOnlyList<OrganizationSummary>> ListForUserAsync(long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<OrganizationRow>(ListForUser, new { UserId = userId });
        return rows.Select(row => new OrganizationSummary(row.Id, row.Name, row.Roles, row.CreatedAt)).ToList();
    }

    public async Task<CommandResult<OrganizationSummary>> AcceptInviteAsync(string token, long userId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var invite = await connection.QuerySingleOrDefaultAsync<(long Id, long OrganizationId)?>(
            "SELECT id, organization_id FROM organization_invites WHERE token_hash = @Hash", new { Hash = SecretToken.Hash(token ?? "") });
        return invite is { } found
            ? await GrainFactory.GetGrain<IOrganizationGrain>(found.OrganizationId).AcceptInviteAsync(found.Id, userId)
            : CommandResult<OrganizationSummary>.NotFound("no such invite");
    }
}
