using Dapper;
using Npgsql;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Rules.Evaluation;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>Reads a config's evaluation inputs, and the routing inputs of its organization, in one round trip.</summary>
public sealed class EvaluationInputStore(NpgsqlDataSource database)
{
    private sealed class RuleRow
    {
        public string Name { get; set; } = "";
        public string RuleType { get; set; } = "";
        public int Moderate { get; set; }
        public int High { get; set; }
        public int Critical { get; set; }
        public bool StableOnly { get; set; }
        public bool Active { get; set; }
    }

    private sealed class ReleaseRow
    {
        public string Version { get; set; } = "";
        public DateTime? ReleasedAt { get; set; }
        public bool Prerelease { get; set; }
        public DateTime FoundAt { get; set; }
    }

    public async Task<EvaluationInputs> LoadAsync(AlertConfigRow config)
    {
        await using var connection = await database.OpenConnectionAsync();
        var parameters = new DynamicParameters(RoutingInputs.Parameters);
        parameters.AddDynamicParams(new { config.RuleId, config.ScrapeJobId, config.GatherJobId, config.OrganizationId });
        await using var reader = await connection.ExecuteReaderAsync(
            $"""
            SELECT name, rule_type AS RuleType, moderate, high, critical, stable_only AS StableOnly, active FROM monitoring_rules WHERE id = @RuleId;
            SELECT version FROM version_snapshots WHERE scrape_job_id = @ScrapeJobId ORDER BY id DESC LIMIT 1;
            SELECT version, released_at AS ReleasedAt, prerelease, found_at AS FoundAt FROM releases WHERE gather_job_id = @GatherJobId;
            {RoutingInputs.Statements("(@OrganizationId)")}
            """, parameters);
        var rule = (await reader.ReadAllAsync<RuleRow>()).SingleOrDefault();
        var deployed = await reader.ReadAsync() ? reader.GetString(0) : null;
        await reader.NextResultAsync();
        var releases = (await reader.ReadAllAsync<ReleaseRow>())
            .Select(r => new UpstreamRelease(r.Version, Utc(r.ReleasedAt), r.Prerelease, DateTime.SpecifyKind(r.FoundAt, DateTimeKind.Utc)))
            .ToList();
        return new EvaluationInputs(
            rule is null ? null : new EvaluationRule(rule.Name, rule.Active, new RuleDefinition(rule.RuleType, new RuleThresholds(rule.Moderate, rule.High, rule.Critical), rule.StableOnly)),
            deployed,
            releases,
            await RoutingInputs.ReadAsync(reader));
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
