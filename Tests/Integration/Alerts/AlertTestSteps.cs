using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>The steps alert tests repeat: a rule, a config over a manual scrape job and a gather job, releases, versions, alerts.</summary>
public static class AlertTestSteps
{
    public static async Task<long> CreateRuleAsync(this ApiClient owner, string type, int moderate, int high, int critical, bool stableOnly = true) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/monitoring-rules",
            new { name = $"{type} rule", rule_type = type, moderate, high, critical, stable_only = stableOnly })).GetProperty("id").GetInt64();

    public static async Task<long> CreateManualScrapeJobAsync(this ApiClient owner, string name) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name, parse_type = "manual" }))
            .GetProperty("id").GetInt64();

    public static async Task<long> CreateConfigAsync(this ApiClient owner, string name, long scrapeJobId, long gatherJobId, long ruleId) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/alert-configs",
            new { name, scrape_job_id = scrapeJobId, gather_job_id = gatherJobId, rule_id = ruleId })).GetProperty("id").GetInt64();

    public static Task SetVersionAsync(this ApiClient owner, long scrapeJobId, string version) =>
        owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{scrapeJobId}/set-version", new { version });

    /// <summary>Runs the (only queued) gather job through the agent with these releases, dated in order a month apart.</summary>
    public static async Task GatherAsync(this TestAgent agent, ApiClient owner, long gatherJobId, params string[] versions)
    {
        if (await owner.JobStatusAsync(gatherJobId) != "queued")
        {
            await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{gatherJobId}/run");
        }

        var task = await agent.ClaimAsync(waitSeconds: 5) ?? throw new InvalidOperationException("the gather job was not handed out");
        Assert.Equal(gatherJobId, TestAgent.JobId(task));
        var releases = versions.Select((version, i) => new { version, released_at = new DateTime(2026, 1, 1).AddMonths(i).ToString("O") + "Z", prerelease = false });
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new { releases }));
    }

    private static async Task<string> JobStatusAsync(this ApiClient owner, long gatherJobId) =>
        (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{gatherJobId}")).GetProperty("status").GetString()!;

    public static async Task<List<JsonElement>> AlertsAsync(this ApiClient owner, string status = "all") =>
        (await owner.OkAsync(HttpMethod.Get, $"/api/v1/alerts?status={status}")).GetProperty("items").EnumerateArray().ToList();

    public static async Task<List<(string Action, string? Event)>> ActionsAsync(this ApiClient owner, long alertId) =>
        (await owner.OkAsync(HttpMethod.Get, $"/api/v1/alerts/{alertId}/actions")).GetProperty("items").EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString()!, a.GetProperty("event").GetString()))
            .ToList();

    /// <summary>Waits until the organization has exactly one alert (of <paramref name="status"/>) that <paramref name="expected"/> accepts.</summary>
    public static async Task<JsonElement> SingleAlertAsync(this ApiClient owner, Func<JsonElement, bool> expected, string what, string status = "all")
    {
        var alerts = await Eventually.ReturnsAsync(() => owner.AlertsAsync(status), found => found.Count == 1 && expected(found[0]), TimeSpan.FromSeconds(30), what);
        return alerts[0];
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).ToString();
}
