using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>Read-only queries over an organization's alerts, one statement each.</summary>
public sealed class AlertQueryStore(NpgsqlDataSource database)
{
    public async Task<List<AlertRecord>> ListAsync(long organizationId, AlertFilter filter, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AlertRow>(
            $"""
            SELECT {AlertStore.Columns} FROM alerts
             WHERE organization_id = @OrganizationId AND id < @Before
               AND (@Status = 'all' OR (@Status = 'active') = (resolved_at IS NULL))
               AND (@Severity::text IS NULL OR severity = @Severity)
               AND (@Acknowledged::boolean IS NULL OR @Acknowledged = (acknowledged_at IS NOT NULL))
             ORDER BY id DESC LIMIT @Limit
            """,
            new { OrganizationId = organizationId, Before = before ?? long.MaxValue, filter.Status, filter.Severity, filter.Acknowledged, Limit = limit });
        return rows.Select(row => row.ToRecord()).ToList();
    }

    public async Task<List<AlertActionRecord>> ListActionsAsync(long alertId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AlertActionRecord>(
            """
            SELECT id, alert_id AS AlertId, action, event, actor, severity, previous_severity AS PreviousSeverity, details::text AS Details,
                   created_at AS CreatedAt
              FROM alert_actions WHERE alert_id = @AlertId ORDER BY id
            """,
            new { AlertId = alertId });
        return rows.Select(action => action with { CreatedAt = DateTime.SpecifyKind(action.CreatedAt, DateTimeKind.Utc) }).ToList();
    }

    public async Task<AlertSummary> SummaryAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var counts = (await connection.QueryAsync<(string Severity, bool Acknowledged, int Count)>(
            """
            SELECT severity, acknowledged_at IS NOT NULL, count(*)::int FROM alerts
             WHERE organization_id = @OrganizationId AND resolved_at IS NULL
             GROUP BY 1, 2
            """,
            new { OrganizationId = organizationId })).ToList();
        var bySeverity = SeverityNames.All.ToDictionary(name => name, name => counts.Where(c => c.Severity == name).Sum(c => c.Count));
        var acknowledged = counts.Where(c => c.Acknowledged).Sum(c => c.Count);
        var active = counts.Sum(c => c.Count);
        return new AlertSummary(active, bySeverity, acknowledged, active - acknowledged);
    }

    /// <summary>Alerts raised since <paramref name="firstDay"/> (UTC), by day and their severity now.</summary>
    public async Task<List<(DateOnly Day, string Severity, int Count)>> RaisedPerDayAsync(long organizationId, DateOnly firstDay)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(DateTime Day, string Severity, int Count)>(
            """
            SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS day, severity, count(*)::int FROM alerts
             WHERE organization_id = @OrganizationId AND created_at >= @Since
             GROUP BY 1, 2
            """,
            new { OrganizationId = organizationId, Since = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        return rows.Select(row => (DateOnly.FromDateTime(row.Day), row.Severity, row.Count)).ToList();
    }

    public async Task<bool> BelongsToAsync(long organizationId, long alertId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM alerts WHERE id = @Id AND organization_id = @OrganizationId)", new { Id = alertId, OrganizationId = organizationId });
    }

    /// <summary>The alert's config, when the alert belongs to the organization; (false, null) when it does not.</summary>
    public async Task<(bool Found, long? ConfigId)> FindConfigAsync(long organizationId, long alertId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var configIds = (await connection.QueryAsync<long?>(
            "SELECT alert_config_id FROM alerts WHERE id = @Id AND organization_id = @OrganizationId",
            new { Id = alertId, OrganizationId = organizationId })).ToList();
        return configIds.Count == 0 ? (false, null) : (true, configIds[0]);
    }
}
