using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>The reconciliation pass's two questions to the database.</summary>
public sealed class AlertReconciliationStore(NpgsqlDataSource database)
{
    private const int BatchSize = 1000;

    /// <summary>
    /// Active configs never evaluated, evaluated before one of their inputs last changed (a job's last run, the rule
    /// or the config itself), or using <c>days_behind</c> and not evaluated for <paramref name="daysBehindRefresh"/>.
    /// </summary>
    public async Task<List<long>> StaleConfigsAsync(DateTime now, TimeSpan daysBehindRefresh)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            """
            SELECT c.id FROM alert_configs c
              JOIN scrape_jobs s ON s.id = c.scrape_job_id
              JOIN gather_jobs g ON g.id = c.gather_job_id
              JOIN monitoring_rules r ON r.id = c.rule_id
             WHERE c.active AND r.active
               AND (c.evaluated_at IS NULL
                    OR c.evaluated_at < greatest(s.last_run_at, g.last_run_at, r.updated_at, c.updated_at)
                    OR (r.rule_type = 'days_behind' AND c.evaluated_at < @RefreshBefore))
             ORDER BY c.evaluated_at NULLS FIRST
             LIMIT @Limit
            """,
            new { RefreshBefore = now - daysBehindRefresh, Limit = BatchSize })).ToList();
    }

    /// <summary>Events written before <paramref name="before"/> that no router took yet.</summary>
    public async Task<List<long>> UnroutedEventsAsync(DateTime before)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            "SELECT id FROM alert_actions WHERE event IS NOT NULL AND routed_at IS NULL AND created_at < @Before ORDER BY id LIMIT @Limit",
            new { Before = before, Limit = BatchSize })).ToList();
    }
}
