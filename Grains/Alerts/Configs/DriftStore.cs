using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>The drift table (docs/rules-and-alerts.md, "Drift"): every alert config with its jobs, rule, last evaluation and active alert, one query.</summary>
public sealed class DriftStore(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT c.id AS AlertConfigId, c.name AS Name, c.active AS ConfigActive, r.active AS RuleActive,
               c.scrape_job_id AS ScrapeJobId, s.name AS ScrapeJobName, c.gather_job_id AS GatherJobId, g.name AS GatherJobName,
               c.rule_id AS RuleId, r.name AS RuleName, r.rule_type AS RuleType, c.evaluated_at AS EvaluatedAt,
               c.evaluation_outcome AS EvaluationOutcome, c.deployed_version AS DeployedVersion, c.latest_version AS LatestVersion,
               c.behind_by AS BehindBy, a.id AS AlertId, a.severity AS Severity, a.created_at AS AlertSince,
               a.acknowledged_at IS NOT NULL AS Acknowledged
          FROM alert_configs c
          JOIN scrape_jobs s ON s.id = c.scrape_job_id
          JOIN gather_jobs g ON g.id = c.gather_job_id
          JOIN monitoring_rules r ON r.id = c.rule_id
          LEFT JOIN alerts a ON a.alert_config_id = c.id AND a.resolved_at IS NULL
         WHERE c.organization_id = @OrganizationId
        """;

    /// <summary>A page by config id.</summary>
    public async Task<List<AlertConfigDrift>> PageAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DriftRow>(
            $"{Select} AND c.id > @After ORDER BY c.id LIMIT @Limit", new { OrganizationId = organizationId, After = after ?? 0, Limit = limit });
        return rows.Select(row => row.ToRecord()).ToList();
    }

    /// <summary>The configs that compare with one gather job, by config id.</summary>
    public async Task<List<AlertConfigDrift>> OfGatherJobAsync(long organizationId, long gatherJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DriftRow>(
            $"{Select} AND c.gather_job_id = @GatherJobId ORDER BY c.id", new { OrganizationId = organizationId, GatherJobId = gatherJobId });
        return rows.Select(row => row.ToRecord()).ToList();
    }

    /// <summary>The worst first: by the active alert's severity, then by how far behind.</summary>
    public async Task<List<AlertConfigDrift>> WorstAsync(long organizationId, int limit)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DriftRow>(
            $"""
            {Select}
             ORDER BY CASE a.severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'moderate' THEN 1 ELSE 0 END DESC,
                      c.behind_by DESC NULLS LAST, c.id
             LIMIT @Limit
            """,
            new { OrganizationId = organizationId, Limit = limit });
        return rows.Select(row => row.ToRecord()).ToList();
    }

    private sealed class DriftRow
    {
        public long AlertConfigId { get; init; }
        public string Name { get; init; } = "";
        public bool ConfigActive { get; init; }
        public bool RuleActive { get; init; }
        public long ScrapeJobId { get; init; }
        public string ScrapeJobName { get; init; } = "";
        public long GatherJobId { get; init; }
        public string GatherJobName { get; init; } = "";
        public long RuleId { get; init; }
        public string RuleName { get; init; } = "";
        public string RuleType { get; init; } = "";
        public DateTime? EvaluatedAt { get; init; }
        public string? EvaluationOutcome { get; init; }
        public string? DeployedVersion { get; init; }
        public string? LatestVersion { get; init; }
        public long? BehindBy { get; init; }
        public long? AlertId { get; init; }
        public string? Severity { get; init; }
        public DateTime? AlertSince { get; init; }
        public bool Acknowledged { get; init; }

        public AlertConfigDrift ToRecord() => new(
            AlertConfigId, Name, DriftState.Of(ConfigActive, RuleActive, EvaluatedAt, EvaluationOutcome, AlertId is not null),
            ScrapeJobId, ScrapeJobName, GatherJobId, GatherJobName, RuleId, RuleName, RuleType, DeployedVersion, LatestVersion, BehindBy,
            Severity, AlertId, Utc(AlertSince), Acknowledged, Utc(EvaluatedAt), ConfigActive);

        private static DateTime? Utc(DateTime? value) => value is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
    }
}
