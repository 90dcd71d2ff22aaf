using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Rules;

/// <summary>The rows of <c>monitoring_rules</c>; writes of an existing row carry its version and return null when it moved on.</summary>
public sealed class MonitoringRuleStore(NpgsqlDataSource database)
{
    private const string Columns = """
        id, organization_id AS OrganizationId, name, rule_type AS RuleType, moderate, high, critical, stable_only AS StableOnly,
        active, created_at AS CreatedAt, updated_at AS UpdatedAt, version
        """;

    public async Task<MonitoringRuleRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<MonitoringRuleRow>($"SELECT {Columns} FROM monitoring_rules WHERE id = @Id", new { Id = id });
    }

    public async Task<List<MonitoringRuleRow>> ListAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<MonitoringRuleRow>(
            $"SELECT {Columns} FROM monitoring_rules WHERE organization_id = @OrganizationId AND id > @After ORDER BY id LIMIT @Limit",
            new { OrganizationId = organizationId, After = after ?? 0, Limit = limit })).ToList();
    }

    public async Task<MonitoringRuleRow> InsertAsync(long organizationId, MonitoringRuleDefinition rule)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<MonitoringRuleRow>(
            $"""
            INSERT INTO monitoring_rules (organization_id, name, rule_type, moderate, high, critical, stable_only)
            VALUES (@OrganizationId, @Name, @RuleType, @Moderate, @High, @Critical, @StableOnly)
            RETURNING {Columns}
            """,
            new { OrganizationId = organizationId, rule.Name, rule.RuleType, rule.Moderate, rule.High, rule.Critical, rule.StableOnly });
    }

    public async Task<MonitoringRuleRow?> UpdateAsync(MonitoringRuleRow current, MonitoringRuleDefinition rule)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<MonitoringRuleRow>(
            $"""
            UPDATE monitoring_rules SET name = @Name, rule_type = @RuleType, moderate = @Moderate, high = @High, critical = @Critical,
                   stable_only = @StableOnly, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """,
            new { current.Id, current.Version, rule.Name, rule.RuleType, rule.Moderate, rule.High, rule.Critical, rule.StableOnly });
    }

    public async Task<MonitoringRuleRow?> SetActiveAsync(MonitoringRuleRow current, bool active)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<MonitoringRuleRow>(
            $"""
            UPDATE monitoring_rules SET active = @Active, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """,
            new { current.Id, current.Version, Active = active });
    }

    /// <returns>False when the row moved on, or an alert config started using it meanwhile.</returns>
    public async Task<bool> DeleteAsync(MonitoringRuleRow current)
    {
        await using var connection = await database.OpenConnectionAsync();
        try
        {
            return await connection.ExecuteAsync("DELETE FROM monitoring_rules WHERE id = @Id AND version = @Version", new { current.Id, current.Version }) == 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
    }
}
