using System.Text.Json;
using Planekeeper.Bench.JobPipeline;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>
/// An organization where every scrape completion raises an alert: one gather job (releases 1.0.0–3.0.0 once it has
/// run), <c>count</c> queued scrape jobs, one majors-behind rule and one alert config per scrape job named
/// <c>{prefix}{n}</c>; every event goes to one webhook channel. Jobs and configs are inserted with SQL before the
/// task engine first activates; channel, routing rule and monitoring rule are made through the grains, as the API does.
/// </summary>
public sealed record AlertingOrganization(PlanekeeperOrganization Organization, IReadOnlyDictionary<long, string> ConfigNameByScrapeJob)
{
    public static async Task<AlertingOrganization> CreateAsync(
        IGrainFactory grains, BenchDatabase database, long ownerUserId, string prefix, int count, Uri receiver)
    {
        var organization = await PlanekeeperOrganization.CreateAsync(grains, ownerUserId, $"{prefix}organization");
        var actor = $"user:{ownerUserId}";
        var channel = (await grains.GetGrain<INotificationChannelDirectoryGrain>(0).CreateAsync(actor, organization.Id, new NotificationChannelRequest(
            "bench receiver", "webhook", JsonSerializer.Serialize(new { url = receiver.ToString() }), "bench-secret", false, null, true))).OrThrow("create the channel");
        (await grains.GetGrain<INotificationRuleDirectoryGrain>(0).CreateAsync(actor, organization.Id,
            new NotificationRuleRequest("everything", 1, null, null, channel.Id, true))).OrThrow("create the routing rule");
        var rule = (await grains.GetGrain<IMonitoringRuleDirectoryGrain>(0).CreateAsync(actor, organization.Id,
            new MonitoringRuleRequest("majors behind", "majors_behind", 1, 2, 3, false))).OrThrow("create the monitoring rule");

        await organization.SeedGatherJobsAsync(database, 1);
        await database.ExecuteAsync(
            """
            INSERT INTO scrape_jobs (organization_id, name, repository_url, target_file, parse_type, parse_expression, status, next_run_at)
            SELECT @organization, 's' || g, 'https://git.example.com/acme/infra.git', 'values.yaml', 'yq', '.version', 'queued',
                   now() - interval '1 hour' + (g + 10) * interval '1 ms'
              FROM generate_series(1, @count) AS g;
            INSERT INTO alert_configs (organization_id, name, scrape_job_id, gather_job_id, rule_id)
            SELECT s.organization_id, @prefix || substr(s.name, 2), s.id, j.id, @rule
              FROM scrape_jobs s JOIN gather_jobs j ON j.organization_id = s.organization_id
             WHERE s.organization_id = @organization;
            ANALYZE scrape_jobs; ANALYZE alert_configs;
            """,
            ("organization", organization.Id), ("count", count), ("prefix", prefix), ("rule", rule.Id));

        var names = new Dictionary<long, string>();
        await using var command = database.DataSource.CreateCommand("SELECT scrape_job_id, name FROM alert_configs WHERE organization_id = $1");
        command.Parameters.AddWithValue(organization.Id);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names[reader.GetInt64(0)] = reader.GetString(1);
        }

        return new AlertingOrganization(organization, names);
    }
}
