using Dapper;
using Npgsql;
using Planekeeper.Grains.Access.Policy;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Access;

/// <summary>
/// The casbin_rule and roles rows of one organization. Column layout (also in docs/permissions.md):
/// p = (role, domain, object, action, effect), g = (subject, role, domain), g2 = (subject, 'superadmin').
/// </summary>
public sealed class AccessStore(NpgsqlDataSource database)
{
    public sealed record CustomRoleRow(string Key, string Name, string Description, int Version);

    private sealed record RuleRow(string Role, string Domain, string Object, string Action, string Effect);

    public async Task<(List<CustomRoleRow> Roles, List<PolicyRule> Rules, List<RoleAssignment> Assignments)> LoadAsync(string domain, long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var roles = (await connection.QueryAsync<CustomRoleRow>(
            "SELECT key, name, description, version FROM roles WHERE organization_id = @OrganizationId ORDER BY key", new { OrganizationId = organizationId })).ToList();
        var rules = (await connection.QueryAsync<RuleRow>(
            "SELECT v0 AS Role, v1 AS Domain, v2 AS Object, v3 AS Action, v4 AS Effect FROM casbin_rule WHERE ptype = 'p' AND v1 = @Domain ORDER BY id",
            new { Domain = domain })).Select(ToRule).ToList();
        var assignments = (await connection.QueryAsync<RoleAssignment>(
            "SELECT v0 AS Subject, v1 AS Role, v2 AS Domain FROM casbin_rule WHERE ptype = 'g' AND v2 = @Domain ORDER BY id",
            new { Domain = domain })).ToList();
        return (roles, rules, assignments);
    }

    /// <returns>The role's version after the write.</returns>
    public async Task<int> SaveRoleAsync(long organizationId, CustomRoleRow role, string domain, IReadOnlyList<PolicyRule> rules, bool isNew)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new { OrganizationId = organizationId, role.Key, role.Name, role.Description, Domain = domain };
        var version = await connection.ExecuteScalarAsync<int>(
            isNew
                ? "INSERT INTO roles (organization_id, key, name, description) VALUES (@OrganizationId, @Key, @Name, @Description) RETURNING version"
                : "UPDATE roles SET name = @Name, description = @Description, updated_at = now(), version = version + 1 WHERE organization_id = @OrganizationId AND key = @Key RETURNING version",
            parameters, transaction);
        await connection.ExecuteAsync("DELETE FROM casbin_rule WHERE ptype = 'p' AND v0 = @Key AND v1 = @Domain", parameters, transaction);
        await InsertRulesAsync(connection, transaction, rules);
        await transaction.CommitAsync();
        return version;
    }

    public async Task DeleteRoleAsync(long organizationId, string key, string domain)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new { OrganizationId = organizationId, Key = key, Domain = domain };
        await connection.ExecuteAsync("DELETE FROM casbin_rule WHERE ptype = 'p' AND v0 = @Key AND v1 = @Domain", parameters, transaction);
        await connection.ExecuteAsync("DELETE FROM roles WHERE organization_id = @OrganizationId AND key = @Key", parameters, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Replaces every role of one subject in one domain. A member's roles move the member's version in the same
    /// transaction (docs/api.md, "ETags and If-Match"); with <paramref name="expected"/>, the write happens only when the
    /// member's row still has one of its versions.
    /// </summary>
    /// <returns>False, with nothing written, when <paramref name="expected"/> does not hold.</returns>
    public async Task<bool> ReplaceAssignmentsAsync(long organizationId, string subject, string domain, IEnumerable<string> roles, ExpectedVersion? expected)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await MoveMemberVersionAsync(connection, transaction, organizationId, subject, expected))
        {
            await transaction.RollbackAsync();
            return false;
        }

        await connection.ExecuteAsync("DELETE FROM casbin_rule WHERE ptype = 'g' AND v0 = @Subject AND v2 = @Domain", new { Subject = subject, Domain = domain }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', @Subject, @Role, @Domain)",
            roles.Select(role => new { Subject = subject, Role = role, Domain = domain }),
            transaction);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Makes the built-in roles' rows (domain '*') match the code, for the runbook's queries.</summary>
    public async Task SeedBuiltInRulesAsync(IReadOnlyList<PolicyRule> rules, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("LOCK TABLE casbin_rule IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
        await connection.ExecuteAsync("DELETE FROM casbin_rule WHERE ptype = 'p' AND v1 = '*'", transaction: transaction);
        await InsertRulesAsync(connection, transaction, rules);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Moves the version of the member a subject names (<c>user:N</c>); other subjects have no member row. False when
    /// <paramref name="expected"/> is given and the member's row is not at one of its versions.
    /// </summary>
    private static async Task<bool> MoveMemberVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long organizationId, string subject, ExpectedVersion? expected)
    {
        if (Subjects.UserIdOf(subject) is not { } userId)
        {
            return expected is null;
        }

        var moved = await connection.ExecuteAsync(
            """
            UPDATE organization_members SET version = version + 1
             WHERE organization_id = @OrganizationId AND user_id = @UserId AND (@Any OR version = ANY(@Versions))
            """,
            new { OrganizationId = organizationId, UserId = userId, Any = expected is null, Versions = (expected?.Versions ?? []).ToArray() },
            transaction);
        return expected is null || moved == 1;
    }

    private static Task InsertRulesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<PolicyRule> rules) =>
        connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2, v3, v4) VALUES ('p', @Role, @Domain, @Object, @Action, @Effect) ON CONFLICT DO NOTHING",
            rules.Select(rule => new { rule.Role, rule.Domain, rule.Object, rule.Action, Effect = CasbinRow.EffectName(rule.Effect) }),
            transaction);

    private static PolicyRule ToRule(RuleRow row) => new(row.Role, row.Domain, row.Object, row.Action, CasbinRow.ParseEffect(row.Effect));
}
