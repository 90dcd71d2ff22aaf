using System.Net;
using System.Text.RegularExpressions;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>Resolved alerts older than ALERT_RETENTION_DAYS are purged; the count is logged and counted on the silo's /metrics.</summary>
public class AlertRetentionTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Resolved_alerts_past_retention_are_purged_and_counted_the_rest_stay()
    {
        var (owner, _) = await system.OrganizationAsync("retention");
        var config = await owner.CreateConfigAsync("c", await owner.CreateManualScrapeJobAsync("s"), await owner.CreateGatherJobAsync("g"), await owner.CreateRuleAsync("majors_behind", 1, 2, 3));
        var organization = await system.ScalarAsync<long>($"SELECT organization_id FROM alert_configs WHERE id = {config}");
        long Insert(string resolvedAt) => system.ScalarAsync<long>($"""
            INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, behind_by, discovered_version, reason, created_at, updated_at, resolved_at)
            VALUES ({organization}, {config}, 'c', 'high', 2, '1.0.0', 'behind', now() - interval '500 days', now(), {resolvedAt}) RETURNING id
            """).GetAwaiter().GetResult();
        var old = Insert("now() - interval '366 days'");
        var recent = Insert("now() - interval '364 days'");
        var active = Insert("NULL");

        using var admin = await system.AdminAsync();
        var purge = await admin.OkAsync(HttpMethod.Post, "/api/v1/internal/alerts/purge");
        Assert.Equal(1, purge.GetProperty("purged").GetInt32());
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM alerts WHERE id = {old}"));
        Assert.Equal(2L, await system.ScalarAsync<long>($"SELECT count(*) FROM alerts WHERE id IN ({recent}, {active})"));
        Assert.Contains((await owner.PostAsync("/api/v1/internal/alerts/purge")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        using var http = new HttpClient();
        await Eventually.ReturnsAsync(
            () => http.GetStringAsync($"http://127.0.0.1:{system.Silos[0].HealthPort}/metrics"),
            text => Regex.IsMatch(text, @"^planekeeper_alerts_purged_total(\{[^}]*\})? 1(\s|$)", RegexOptions.Multiline), TimeSpan.FromSeconds(15), "the purge counted on /metrics");
        await Eventually.ReturnsAsync(
            () => Task.FromResult(system.AllOutput), output => output.Contains("Alert retention: 1 resolved alert(s) older than 365 days purged"),
            TimeSpan.FromSeconds(10), "the purge logged");
    }
}
