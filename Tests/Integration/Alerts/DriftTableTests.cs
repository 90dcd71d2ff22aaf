using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>The drift table and the alert history the dashboard draws, through the real API on PostgreSQL.</summary>
public class DriftTableTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task Each_config_shows_what_its_last_evaluation_found_and_the_worst_come_first()
    {
        var (owner, key) = await system.OrganizationAsync("drift");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "drift-agent");
        var gatherJob = await owner.CreateGatherJobAsync("kubernetes");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var waiting = await owner.CreateConfigAsync("no version yet", await owner.CreateManualScrapeJobAsync("empty cluster"), gatherJob, rule);
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        var behind = await ConfigOnVersionAsync(owner, "old cluster", "1.0.0", gatherJob, rule);
        var current = await ConfigOnVersionAsync(owner, "new cluster", "3.0.0", gatherJob, rule);
        var off = await ConfigOnVersionAsync(owner, "switched off", "1.0.0", gatherJob, rule);
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/alert-configs/{off}/toggle");

        var rows = await DriftAsync(owner, "/api/v1/alert-configs/drift");
        Assert.Equal([waiting, behind, current, off], rows.Select(row => row.GetProperty("alert_config_id").GetInt64()));
        Assert.Equal(["waiting_for_inputs", "alerting", "within_thresholds", "off"], rows.Select(row => row.Text("state")));

        var alert = (await owner.AlertsAsync("active")).Single();
        var worst = rows[1];
        Assert.Equal(("1.0.0", "3.0.0", "2", "high", "old cluster", "kubernetes", "majors_behind"),
            (worst.Text("deployed_version"), worst.Text("latest_version"), worst.Text("behind_by"), worst.Text("severity"),
             worst.Text("scrape_job_name"), worst.Text("gather_job_name"), worst.Text("rule_type")));
        Assert.Equal(alert.GetProperty("id").GetInt64(), worst.GetProperty("alert_id").GetInt64());
        Assert.Equal(alert.GetProperty("created_at").GetDateTime(), worst.GetProperty("alert_since").GetDateTime());
        Assert.Equal(("3.0.0", "0", JsonValueKind.Null), (rows[2].Text("deployed_version"), rows[2].Text("behind_by"), rows[2].GetProperty("severity").ValueKind));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("deployed_version").ValueKind);

        var top = await DriftAsync(owner, "/api/v1/alert-configs/drift/worst?limit=2");
        Assert.Equal([behind, off], top.Select(row => row.GetProperty("alert_config_id").GetInt64()));

        var firstPage = await owner.OkAsync(HttpMethod.Get, "/api/v1/alert-configs/drift?limit=3");
        var cursor = firstPage.GetProperty("next_cursor").GetString();
        Assert.Equal(off, (await DriftAsync(owner, $"/api/v1/alert-configs/drift?limit=3&cursor={cursor}")).Single().GetProperty("alert_config_id").GetInt64());
    }

    [Fact]
    public async Task Another_organization_sees_none_of_it_and_bad_limits_are_refused()
    {
        var (owner, key) = await system.OrganizationAsync("drift-owner");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "drift-owner-agent");
        var gatherJob = await owner.CreateGatherJobAsync("etcd");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0");
        await ConfigOnVersionAsync(owner, "etcd prod", "1.0.0", gatherJob, await owner.CreateRuleAsync("majors_behind", 1, 2, 3));
        var (stranger, _) = await system.OrganizationAsync("drift-stranger");

        Assert.Empty(await DriftAsync(stranger, "/api/v1/alert-configs/drift"));
        Assert.Empty(await DriftAsync(stranger, "/api/v1/alert-configs/drift/worst"));
        Assert.All(await DriftAsync(stranger, "/api/v1/alerts/history"), day => Assert.Equal(0, day.GetProperty("moderate").GetInt32()));
        foreach (var path in new[] { "/api/v1/alert-configs/drift/worst?limit=0", "/api/v1/alert-configs/drift/worst?limit=101", "/api/v1/alert-configs/drift?limit=0",
                     "/api/v1/alerts/history?days=0", "/api/v1/alerts/history?days=91" })
        {
            var response = await owner.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_history_counts_alerts_raised_per_day_with_every_day_present()
    {
        var (owner, key) = await system.OrganizationAsync("history");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "history-agent");
        var gatherJob = await owner.CreateGatherJobAsync("redis");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0", "4.0.0");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        await ConfigOnVersionAsync(owner, "cache a", "1.0.0", gatherJob, rule);
        await ConfigOnVersionAsync(owner, "cache b", "3.0.0", gatherJob, rule);

        var days = await DriftAsync(owner, "/api/v1/alerts/history?days=7");
        var dates = days.Select(day => DateOnly.Parse(day.Text("day"))).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => dates[0].AddDays(i)), dates);
        var raisedOn = (await owner.AlertsAsync()).Select(alert => DateOnly.FromDateTime(alert.GetProperty("created_at").GetDateTime().ToUniversalTime())).Distinct().Single();
        var counted = days[dates.IndexOf(raisedOn)];
        Assert.Equal((1, 0, 1), (counted.GetProperty("critical").GetInt32(), counted.GetProperty("high").GetInt32(), counted.GetProperty("moderate").GetInt32()));
        Assert.Equal(2, days.Sum(day => day.GetProperty("critical").GetInt32() + day.GetProperty("high").GetInt32() + day.GetProperty("moderate").GetInt32()));
        Assert.Equal(30, (await DriftAsync(owner, "/api/v1/alerts/history")).Count);
    }

    private static async Task<long> ConfigOnVersionAsync(ApiClient owner, string scrapeJobName, string version, long gatherJob, long rule)
    {
        var scrapeJob = await owner.CreateManualScrapeJobAsync(scrapeJobName);
        await owner.SetVersionAsync(scrapeJob, version);
        return await owner.CreateConfigAsync(scrapeJobName, scrapeJob, gatherJob, rule);
    }

    private static async Task<List<JsonElement>> DriftAsync(ApiClient client, string path) =>
        (await client.OkAsync(HttpMethod.Get, path)).GetProperty("items").EnumerateArray().ToList();
}
