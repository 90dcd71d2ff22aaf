using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>The rows of <c>alert_configs</c>; writes of an existing row carry its version and return null when it moved on.</summary>
public sealed class AlertConfigStore(NpgsqlDataSource database)
{
    private const string Columns = """
        id, organization_id AS OrganizationId, name, scrape_job_id AS ScrapeJobId, gather_job_id AS GatherJobId, rule_id AS RuleId,
        active, created_at AS CreatedAt, updated_at AS UpdatedAt, evaluated_at AS EvaluatedAt, version
        """;

    public async Task<AlertConfigRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<AlertConfigRow>($"SELECT {Columns} FROM alert_configs WHERE id = @Id", new { Id = id });
    }

    public async Task<List<(AlertConfigRow Config, long? ActiveAlertId)>> ListAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AlertConfigRow, long?, (AlertConfigRow, long?)>(
            $"""
            SELECT {Columns}, (SELECT a.id FROM alerts a WHERE a.alert_config_id = c.id AND a.resolved_at IS NULL) AS ActiveAlertId
              FROM alert_configs c WHERE organization_id = @OrganizationId AND id > @After ORDER BY id LIMIT @Limit
            """,
            (config, alertId) => (config, alertId),
            new { OrganizationId = organizationId, After = after ?? 0, Limit = limit },
            splitOn: "ActiveAlertId");
        return rows.ToList();
    }

    /// <summary>The organization's active configs that use one of these scrape or gather jobs.</summary>
    public async Task<List<long>> ActiveUsingJobsAsync(long organizationId, long[] scrapeJobs, long[] gatherJobs)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            """
            SELECT id FROM alert_configs
             WHERE organization_id = @OrganizationId AND active AND (scrape_job_id = ANY(@ScrapeJobs) OR gather_job_id = ANY(@GatherJobs))
             ORDER BY id
            """,
            new { OrganizationId = organizationId, ScrapeJobs = scrapeJobs, GatherJobs = gatherJobs })).ToList();
    }

    public async Task<List<long>> UsingRuleAsync(long ruleId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>("SELECT id FROM alert_configs WHERE rule_id = @RuleId ORDER BY id", new { RuleId = ruleId })).ToList();
    }

    /// <returns>Null when one of the jobs or the rule was deleted meanwhile.</returns>
    public async Task<AlertConfigRow?> InsertAsync(long organizationId, AlertConfigDefinition config)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await WithoutDeletedReferenceAsync(() => connection.QuerySingleAsync<AlertConfigRow>(
            $"""
            INSERT INTO alert_configs (organization_id, name, scrape_job_id, gather_job_id, rule_id)
            VALUES (@OrganizationId, @Name, @ScrapeJobId, @GatherJobId, @RuleId)
            RETURNING {Columns}
            """,
            new { OrganizationId = organizationId, config.Name, config.ScrapeJobId, config.GatherJobId, config.RuleId }))!;
    }

    public async Task<AlertConfigRow?> UpdateAsync(AlertConfigRow current, AlertConfigDefinition config)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await WithoutDeletedReferenceAsync(() => connection.QuerySingleOrDefaultAsync<AlertConfigRow>(
            $"""
            UPDATE alert_configs SET name = @Name, scrape_job_id = @ScrapeJobId, gather_job_id = @GatherJobId, rule_id = @RuleId,
                   updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """,
            new { current.Id, current.Version, config.Name, config.ScrapeJobId, config.GatherJobId, config.RuleId }));
    }

    public async Task<AlertConfigRow?> SetActiveAsync(AlertConfigRow current, bool active)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<AlertConfigRow>(
            $"UPDATE alert_configs SET active = @Active, updated_at = now(), version = version + 1 WHERE id = @Id AND version = @Version RETURNING {Columns}",
            new { current.Id, current.Version, Active = active });
    }

    public async Task<bool> DeleteAsync(AlertConfigRow current)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM alert_configs WHERE id = @Id AND version = @Version", new { current.Id, current.Version }) == 1;
    }

    /// <summary>The organizations of the scrape job, gather job and rule a config names (null: no such row).</summary>
    public async Task<(long? ScrapeJob, long? GatherJob, long? Rule)> OwnersAsync(long scrapeJobId, long gatherJobId, long ruleId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long?, long?, long?)>(
            """
            SELECT (SELECT organization_id FROM scrape_jobs WHERE id = @ScrapeJobId),
                   (SELECT organization_id FROM gather_jobs WHERE id = @GatherJobId),
                   (SELECT organization_id FROM monitoring_rules WHERE id = @RuleId)
            """,
            new { ScrapeJobId = scrapeJobId, GatherJobId = gatherJobId, RuleId = ruleId });
    }

    private static async Task<T?> WithoutDeletedReferenceAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return default;
        }
    }
}
