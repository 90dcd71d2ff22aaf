using Dapper;
using Npgsql;
using Planekeeper.Grains.Access.Policy;

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

    /// <summary>Replaces every role of one subject in one domain.</summary>
    public async Task ReplaceAssignmentsAsync(string subject, string domain, IEnumerable<string> roles)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM casbin_rule WHERE ptype = 'g' AND v0 = @Subject AND v2 = @Domain", new { Subject = subject, Domain = domain }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2) VALUES ('g', @Subject, @Role, @Domain)",
            roles.Select(role => new { Subject = subject, Role = role, Domain = domain }),
            transaction);
        await transaction.CommitAsync();
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

    private static Task InsertRulesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<PolicyRule> rules) =>
        connection.ExecuteAsync(
            "INSERT INTO casbin_rule (ptype, v0, v1, v2, v3, v4) VALUES ('p', @Role, @Domain, @Object, @Action, @Effect) ON CONFLICT DO NOTHING",
            rules.Select(rule => new { rule.Role, rule.Domain, rule.Object, rule.Action, Effect = CasbinRow.EffectName(rule.Effect) }),
            transaction);

    private static PolicyRule ToRule(RuleRow row) => new(row.Role, row.Domain, row.Object, row.Action, CasbinRow.ParseEffect(row.Effect));
}
