using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>An alert's whole life through the real API on PostgreSQL, one event per change, one active alert at every step.</summary>
public class AlertLifecycleTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task Created_escalated_acknowledged_unacknowledged_by_a_new_version_and_resolved_by_the_upgrade()
    {
        var (owner, key) = await system.OrganizationAsync("lifecycle");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "lifecycle-agent");
        var gatherJob = await owner.CreateGatherJobAsync("kubernetes");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("prod cluster");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var config = await owner.CreateConfigAsync("k8s prod", scrapeJob, gatherJob, rule);
        Assert.Empty(await owner.AlertsAsync());

        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0");
        await owner.SetVersionAsync(scrapeJob, "1.0.0");
        var alert = await owner.SingleAlertAsync(a => a.Text("severity") == "moderate", "a moderate alert");
        var id = alert.GetProperty("id").GetInt64();
        Assert.Equal(("1", "1.0.0", "2.0.0", "behind", "active"), (alert.Text("behind_by"), alert.Text("discovered_version"), alert.Text("latest_version"), alert.Text("reason"), alert.Text("status")));
        await AssertOneActiveAsync(config);

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/alerts/{id}/acknowledge");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        alert = await owner.SingleAlertAsync(a => a.Text("severity") == "high", "the escalation to high");
        Assert.Equal(("moderate", "False", "2"), (alert.Text("previous_severity"), alert.Text("acknowledged"), alert.Text("behind_by")));
        await AssertOneActiveAsync(config);

        var acknowledged = await owner.OkAsync(HttpMethod.Post, $"/api/v1/alerts/{id}/acknowledge", new { metadata = new { reason = "upgrade planned", ticket = "OPS-12" } });
        Assert.Equal("OPS-12", acknowledged.GetProperty("ack_metadata").GetProperty("ticket").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/alerts/{id}/acknowledge")).StatusCode);

        await owner.SetVersionAsync(scrapeJob, "1.1.0");
        alert = await owner.SingleAlertAsync(a => a.Text("discovered_version") == "1.1.0", "the new deployed version");
        Assert.Equal(("high", "False"), (alert.Text("severity"), alert.Text("acknowledged")));
        Assert.Equal(JsonValueKindNull, alert.GetProperty("ack_metadata").ValueKind);

        await owner.SetVersionAsync(scrapeJob, "2.0.0");
        alert = await owner.SingleAlertAsync(a => a.Text("severity") == "moderate", "the silent de-escalation");
        Assert.Equal("high", alert.Text("previous_severity"));

        var again = await owner.OkAsync(HttpMethod.Post, $"/api/v1/monitoring-rules/{rule}/evaluate");
        Assert.Equal("unchanged", again.GetProperty("items")[0].GetProperty("outcome").GetString());

        await owner.SetVersionAsync(scrapeJob, "3.0.0");
        alert = await owner.SingleAlertAsync(a => a.Text("status") == "resolved", "the resolution by the upgrade");
        Assert.NotEqual(JsonValueKindNull, alert.GetProperty("resolved_at").ValueKind);
        Assert.Empty(await owner.AlertsAsync("active"));

        Assert.Equal(
            [
                ("created", "alert.created"), ("acknowledged", "alert.acknowledged"), ("escalated", "alert.escalated"),
                ("acknowledged", "alert.acknowledged"), ("updated", null), ("unacknowledged", "alert.unacknowledged"), ("de_escalated", null), ("resolved", "alert.resolved"),
            ],
            await owner.ActionsAsync(id));
        await Eventually.ReturnsAsync(
            () => system.ScalarAsync<long>($"SELECT count(*) FROM alert_actions WHERE alert_id = {id} AND event IS NOT NULL AND routed_at IS NULL"),
            unrouted => unrouted == 0, TimeSpan.FromSeconds(10), "every event routed");
    }

    [Fact]
    public async Task Manual_resolve_unacknowledge_bulk_acknowledge_and_the_summary()
    {
        var (owner, key) = await system.OrganizationAsync("by-hand");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "by-hand-agent");
        var gatherJob = await owner.CreateGatherJobAsync("postgres");
        var rule = await owner.CreateRuleAsync("minors_behind", 1, 2, 3);
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "1.1.0", "1.2.0", "1.3.0");
        var configs = new List<long>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            var scrapeJob = await owner.CreateManualScrapeJobAsync(name);
            await owner.SetVersionAsync(scrapeJob, name == "three" ? "1.2.0" : "1.0.0");
            configs.Add(await owner.CreateConfigAsync(name, scrapeJob, gatherJob, rule));
        }

        var alerts = await owner.AlertsAsync("active");
        Assert.Equal(3, alerts.Count);
        var summary = await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts/summary");
        Assert.Equal((3, 2, 1, 0), (summary.GetProperty("active").GetInt32(), summary.GetProperty("by_severity").GetProperty("critical").GetInt32(),
            summary.GetProperty("by_severity").GetProperty("moderate").GetInt32(), summary.GetProperty("acknowledged").GetInt32()));

        var ids = alerts.Select(a => a.GetProperty("id").GetInt64()).ToList();
        var bulk = await owner.OkAsync(HttpMethod.Post, "/api/v1/alerts/bulk-acknowledge", new { ids = ids.Append(999_999), metadata = new { ticket = "OPS-7" } });
        Assert.Equal(3, bulk.GetProperty("acknowledged").GetArrayLength());
        Assert.Equal(404, bulk.GetProperty("failed")[0].GetProperty("status").GetInt32());
        Assert.Equal(3, (await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts?acknowledged=true")).GetProperty("items").GetArrayLength());

        var unacknowledged = await owner.OkAsync(HttpMethod.Post, $"/api/v1/alerts/{ids[0]}/unacknowledge");
        Assert.False(unacknowledged.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/alerts/{ids[0]}/unacknowledge")).StatusCode);

        var resolved = await owner.OkAsync(HttpMethod.Post, $"/api/v1/alerts/{ids[1]}/resolve");
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.StartsWith("user:", resolved.GetProperty("resolved_by").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/alerts/{ids[1]}/resolve")).StatusCode);
        Assert.Equal(("resolved", "alert.resolved"), (await owner.ActionsAsync(ids[1]))[^1]);
        Assert.Equal(2, (await owner.AlertsAsync("active")).Count);
        Assert.Equal(2, (await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts?severity=critical&status=all")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Switching_a_config_or_its_rule_off_resolves_the_active_alert_and_on_raises_it_again()
    {
        var (owner, key) = await system.OrganizationAsync("toggles");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "toggles-agent");
        var gatherJob = await owner.CreateGatherJobAsync("redis");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("cache");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        await agent.GatherAsync(owner, gatherJob, "6.0.0", "7.0.0");
        await owner.SetVersionAsync(scrapeJob, "6.0.0");
        var config = await owner.CreateConfigAsync("cache", scrapeJob, gatherJob, rule);
        Assert.Single(await owner.AlertsAsync("active"));

        var off = await owner.OkAsync(HttpMethod.Post, $"/api/v1/alert-configs/{config}/toggle");
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Empty(await owner.AlertsAsync("active"));
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/alert-configs/{config}/toggle");
        Assert.Single(await owner.AlertsAsync("active"));

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/monitoring-rules/{rule}/toggle");
        Assert.Empty(await owner.AlertsAsync("active"));
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/monitoring-rules/{rule}/toggle");
        Assert.Single(await owner.AlertsAsync("active"));

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/monitoring-rules/{rule}",
            new { name = "strict", rule_type = "majors_behind", moderate = 2, high = 3, critical = 4 });
        Assert.Empty(await owner.AlertsAsync("active"));
        Assert.Equal(3, (await owner.AlertsAsync("resolved")).Count);

        Assert.Equal(HttpStatusCode.Conflict, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/monitoring-rules/{rule}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/alert-configs/{config}")).StatusCode);
        Assert.Equal(3, (await owner.AlertsAsync("resolved")).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/monitoring-rules/{rule}")).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task AssertOneActiveAsync(long config) =>
        Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM alerts WHERE alert_config_id = {config} AND resolved_at IS NULL"));
}
