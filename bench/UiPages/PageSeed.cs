using Planekeeper.Bench.JobPipeline;

namespace Planekeeper.Bench.UiPages;

/// <summary>
/// The rows of the measured organization, inserted with SQL in bulk. App <c>n</c> (1…<see cref="Apps"/>) has a gather
/// job following releases 1.0.0–4.0.0 (scheduled daily; every 20th failed its last run), a manual scrape job whose
/// deployed version is 1.0.0, 2.0.0 or 3.0.0, and an alert config judging the two by a majors-behind rule (1/2/3) —
/// evaluated now, so the reconciliation pass leaves it alone. Each config has <see cref="AlertsPerConfig"/> alerts
/// over the last 30 days, ids in the order they were raised: the newest is active (its severity what the drift says:
/// 3, 2 or 1 majors behind is critical, high or moderate; every 5th acknowledged), the others resolved, of mixed severity.
/// </summary>
public sealed record PageSeed(int Apps, int AlertsPerConfig)
{
    public int Alerts => Apps * AlertsPerConfig;

    public async Task InsertAsync(BenchDatabase database, long organizationId, long ruleId, long ownerUserId)
    {
        await JobsAsync(database, organizationId);
        await AlertConfigsAsync(database, organizationId, ruleId);
        await AlertsAsync(database, organizationId, ownerUserId);
        await database.ExecuteAsync("ANALYZE gather_jobs; ANALYZE releases; ANALYZE scrape_jobs; ANALYZE version_snapshots; ANALYZE alert_configs; ANALYZE alerts;");
    }

    private Task JobsAsync(BenchDatabase database, long organizationId) => database.ExecuteAsync(
        """
        INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, labels, status, next_run_at, last_run_at, last_error, created_at)
        SELECT @organization, 'app-' || g, 'github_releases', 'github.com/acme/app-' || g, '0 4 * * *', jsonb_build_object('team', 'team-' || g % 10),
               CASE WHEN g % 20 = 0 THEN 'failed' ELSE 'completed' END,
               date_trunc('day', now()) + interval '1 day 4 hours', now() - interval '20 hours',
               CASE WHEN g % 20 = 0 THEN 'GitHub answered 404 for github.com/acme/app-' || g END, now() - interval '90 days'
          FROM generate_series(1, @apps) AS g ORDER BY g;
        INSERT INTO releases (organization_id, gather_job_id, version, released_at, found_at)
        SELECT j.organization_id, j.id, v || '.0.0', now() - (5 - v) * interval '20 days', now() - (5 - v) * interval '20 days'
          FROM gather_jobs j CROSS JOIN generate_series(1, 4) AS v
         WHERE j.organization_id = @organization ORDER BY v, j.id;
        INSERT INTO scrape_jobs (organization_id, name, parse_type, labels, status, last_run_at, created_at)
        SELECT @organization, 'app-' || g || ' deployed', 'manual', jsonb_build_object('team', 'team-' || g % 10), 'completed',
               now() - interval '1 day', now() - interval '90 days'
          FROM generate_series(1, @apps) AS g ORDER BY g;
        INSERT INTO version_snapshots (scrape_job_id, organization_id, version, found_at, source)
        SELECT s.id, s.organization_id, (1 + s.id % 3) || '.0.0', now() - interval '1 day', 'manual'
          FROM scrape_jobs s WHERE s.organization_id = @organization;
        """,
        ("organization", organizationId), ("apps", Apps));

    private static Task AlertConfigsAsync(BenchDatabase database, long organizationId, long ruleId) => database.ExecuteAsync(
        """
        INSERT INTO alert_configs (organization_id, name, scrape_job_id, gather_job_id, rule_id, created_at,
                                   evaluated_at, evaluation_outcome, deployed_version, latest_version, behind_by)
        SELECT @organization, 'app-' || n, s.id, g.id, @rule, now() - interval '90 days', now(), 'unchanged', v.version, '4.0.0', 4 - split_part(v.version, '.', 1)::int
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM scrape_jobs WHERE organization_id = @organization) s
          JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM gather_jobs WHERE organization_id = @organization) g USING (n)
          JOIN version_snapshots v ON v.scrape_job_id = s.id
         ORDER BY n;
        """,
        ("organization", organizationId), ("rule", ruleId));

    /// <summary>Alert <c>a</c> (0-based) belongs to config <c>a % Apps</c> and is raised <c>a</c> 30-day/Alerts steps after 30 days ago.</summary>
    private Task AlertsAsync(BenchDatabase database, long organizationId, long ownerUserId) => database.ExecuteAsync(
        """
        WITH config AS (
            SELECT id, name, deployed_version, latest_version, behind_by, row_number() OVER (ORDER BY id) - 1 AS k
              FROM alert_configs WHERE organization_id = @organization),
        raised AS (
            SELECT a, c.*, now() - interval '30 days' + a * (interval '30 days' / @alerts) AS at,
                   CASE WHEN a >= @alerts - @apps THEN c.behind_by ELSE 1 + (a / 7) % 3 END::int AS behind
              FROM generate_series(0, @alerts - 1) AS a JOIN config c ON c.k = a % @apps),
        alert AS (
            SELECT *, CASE WHEN a % 5 = 0 THEN at + interval '10 minutes' END AS acknowledged,
                   CASE WHEN a < @alerts - @apps THEN at + (1 + a % 48) * interval '1 hour' END AS resolved
              FROM raised)
        INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, behind_by, discovered_version, latest_version, reason,
                            created_at, updated_at, acknowledged_at, acknowledged_by, resolved_at)
        SELECT @organization, id, name, (ARRAY['moderate', 'high', 'critical'])[behind], behind, deployed_version, latest_version, 'behind',
               at, coalesce(resolved, acknowledged, at), acknowledged, CASE WHEN acknowledged IS NOT NULL THEN 'user:' || @owner END, resolved
          FROM alert ORDER BY a;
        """,
        ("organization", organizationId), ("apps", Apps), ("alerts", Alerts), ("owner", ownerUserId));
}
