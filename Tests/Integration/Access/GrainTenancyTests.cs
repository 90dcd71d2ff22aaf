using System.Net;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.Grains.Interfaces.Jobs.HelmSync;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Rules;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// The organization check is in the grains, not in the routes: called straight through a cluster client (no frontend,
/// no route table), every per-entity grain answers organization A's id for organization B's entity exactly as it
/// answers for an id that does not exist — and changes nothing.
/// </summary>
public class GrainTenancyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const long Missing = 987_654_321;

    /// <summary>One grain call: what it answers for an entity id asked by an organization, as comparable text.</summary>
    private sealed record Probe(string Name, long Id, Func<IClusterClient, long, long, Task<string>> Answer);

    [Fact]
    public async Task Every_entity_grain_answers_another_organization_as_it_answers_a_missing_id()
    {
        var (a, b) = (await OrganizationAsync("tenancy-a"), await OrganizationAsync("tenancy-b"));
        var entities = await EntitiesOfAsync(b.Client);
        await using var client = await TestClusterClient.ConnectAsync(system.Database);

        var failures = new List<string>();
        foreach (var probe in Probes(entities))
        {
            var other = await probe.Answer(client.Grains, probe.Id, a.Id);
            var missing = await probe.Answer(client.Grains, Missing, a.Id);
            if (other != missing.Replace(Missing.ToString(), probe.Id.ToString()) || !(other.StartsWith("NotFound") || other == "none"))
            {
                failures.Add($"{probe.Name}: another organization's entity answered '{other}', a missing one '{missing}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        foreach (var read in Reads(entities))
        {
            Assert.True(await read.Answer(client.Grains, read.Id, b.Id) == "found", $"{read.Name}: B no longer reads its own entity");
        }

        var key = await client.Grains.GetGrain<IApiKeyGrain>(entities.ApiKey).GetAsync(b.Id);
        Assert.True(key is { IsActive: true, Name: "b-key" }, "A's calls changed B's key");
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE organization_id = {b.Id} AND actor = 'user:taken-over'"));
    }

    [Fact]
    public async Task A_deactivated_key_of_another_organization_is_not_found_not_a_conflict()
    {
        var (a, b) = (await OrganizationAsync("oracle-a"), await OrganizationAsync("oracle-b"));
        var (keyId, _) = await b.Client.CreateApiKeyAsync("retired");
        await b.Client.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{keyId}/deactivate");
        await using var client = await TestClusterClient.ConnectAsync(system.Database);

        var toggled = await client.Grains.GetGrain<IApiKeyGrain>(keyId).ToggleAsync("user:taken-over", a.Id);
        Assert.Equal((CommandStatus.NotFound, $"no API key {keyId}"), (toggled.Status, toggled.Detail));
        var mine = await client.Grains.GetGrain<IApiKeyGrain>(keyId).ToggleAsync("user:owner", b.Id);
        Assert.Equal(CommandStatus.Conflict, mine.Status);
    }

    [Fact]
    public async Task Through_http_another_organizations_job_and_a_missing_one_get_the_same_problem()
    {
        var (a, b) = (await OrganizationAsync("http-a"), await OrganizationAsync("http-b"));
        var jobId = (await b.Client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", Gather)).GetProperty("id").GetInt64();
        foreach (var (method, path) in new[] { ("GET", "/api/v1/gather-jobs/{0}"), ("PUT", "/api/v1/gather-jobs/{0}"), ("POST", "/api/v1/gather-jobs/{0}/run") })
        {
            var other = await ProblemAsync(a.Client, method, string.Format(path, jobId));
            var missing = await ProblemAsync(a.Client, method, string.Format(path, Missing));
            Assert.Equal(missing.Replace(Missing.ToString(), jobId.ToString()), other);
        }
    }

    private static readonly object Gather = new { name = "planted", source_type = "github_releases", artifact_name = "github.com/acme/api", schedule = "0 * * * *" };

    private sealed record Organization(long Id, ApiClient Client);

    private sealed record Entities(
        long GatherJob, long ScrapeJob, long HelmSyncJob, long Rule, long AlertConfig, long Channel, long NotificationRule, long ApiKey);

    private async Task<Organization> OrganizationAsync(string name)
    {
        var owner = system.Client();
        await owner.SignUpAsync($"{name}@example.com");
        return new Organization(await owner.CreateOrganizationAsync(name), owner);
    }

    private static async Task<Entities> EntitiesOfAsync(ApiClient owner)
    {
        async Task<long> CreateAsync(string path, object body) =>
            (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, path, body)).GetProperty("id").GetInt64();

        var gather = await CreateAsync("/api/v1/gather-jobs", Gather);
        var scrape = await CreateAsync("/api/v1/scrape-jobs", new { name = "manual", parse_type = "manual" });
        var helm = await CreateAsync("/api/v1/helm-sync-jobs", new { name = "charts", repository_url = "https://charts.example.com/stable" });
        var rule = await CreateAsync("/api/v1/monitoring-rules", new { name = "majors", rule_type = "majors_behind", moderate = 1, high = 2, critical = 3 });
        var config = await CreateAsync("/api/v1/alert-configs", new { name = "api", scrape_job_id = scrape, gather_job_id = gather, rule_id = rule });
        var channel = await CreateAsync("/api/v1/notification-channels", new { name = "hook", type = "webhook", config = new { url = "https://hooks.example.com/b" } });
        var notificationRule = await CreateAsync("/api/v1/notification-rules", new { name = "all", channel_id = channel });
        var (key, _) = await owner.CreateApiKeyAsync("b-key");
        return new Entities(gather, scrape, helm, rule, config, channel, notificationRule, key);
    }

    private const string Actor = "user:taken-over";

    private static IEnumerable<Probe> Reads(Entities e) =>
    [
        new("gather job get", e.GatherJob, async (g, id, org) => Found(await g.GetGrain<IGatherJobGrain>(id).GetAsync(org))),
        new("gather job releases", e.GatherJob, async (g, id, org) => Found(await g.GetGrain<IGatherJobGrain>(id).ListReleasesAsync(org, 10, null))),
        new("scrape job get", e.ScrapeJob, async (g, id, org) => Found(await g.GetGrain<IScrapeJobGrain>(id).GetAsync(org))),
        new("scrape job versions", e.ScrapeJob, async (g, id, org) => Found(await g.GetGrain<IScrapeJobGrain>(id).ListVersionsAsync(org))),
        new("helm sync job get", e.HelmSyncJob, async (g, id, org) => Found(await g.GetGrain<IHelmSyncJobGrain>(id).GetAsync(org))),
        new("helm sync job charts", e.HelmSyncJob, async (g, id, org) => Found(await g.GetGrain<IHelmSyncJobGrain>(id).ListChartsAsync(org))),
        new("monitoring rule get", e.Rule, async (g, id, org) => Found(await g.GetGrain<IMonitoringRuleGrain>(id).GetAsync(org))),
        new("alert config get", e.AlertConfig, async (g, id, org) => Found(await g.GetGrain<IAlertConfigGrain>(id).GetAsync(org))),
        new("channel get", e.Channel, async (g, id, org) => Found(await g.GetGrain<INotificationChannelGrain>(id).GetAsync(org))),
        new("notification rule get", e.NotificationRule, async (g, id, org) => Found(await g.GetGrain<INotificationRuleGrain>(id).GetAsync(org))),
        new("api key get", e.ApiKey, async (g, id, org) => Found(await g.GetGrain<IApiKeyGrain>(id).GetAsync(org))),
    ];

    private static IEnumerable<Probe> Probes(Entities e) => Reads(e).Concat(
    [
        new("gather job update", e.GatherJob, async (g, id, org) => Text(await g.GetGrain<IGatherJobGrain>(id).UpdateAsync(
            Actor, org, new GatherJobRequest("taken over", "github_releases", "github.com/evil/api", null, null, null, null)))),
        new("gather job run", e.GatherJob, async (g, id, org) => Text(await g.GetGrain<IGatherJobGrain>(id).RunNowAsync(Actor, org))),
        new("gather job clear releases", e.GatherJob, async (g, id, org) => Text(await g.GetGrain<IGatherJobGrain>(id).ClearReleasesAsync(Actor, org))),
        new("scrape job set version", e.ScrapeJob, async (g, id, org) => Text(await g.GetGrain<IScrapeJobGrain>(id).SetVersionAsync(Actor, org, "6.6.6"))),
        new("scrape job update", e.ScrapeJob, async (g, id, org) => Text(await g.GetGrain<IScrapeJobGrain>(id).UpdateAsync(
            Actor, org, new ScrapeJobRequest("taken over", null, null, null, "manual", null, null, null, null, null, null)))),
        new("helm sync job update", e.HelmSyncJob, async (g, id, org) => Text(await g.GetGrain<IHelmSyncJobGrain>(id).UpdateAsync(
            Actor, org, new HelmSyncJobRequest("taken over", "https://charts.example.com/evil", null, null, null, null)))),
        new("monitoring rule update", e.Rule, async (g, id, org) => Text(await g.GetGrain<IMonitoringRuleGrain>(id).UpdateAsync(
            Actor, org, new MonitoringRuleRequest("taken over", "majors_behind", 5, 6, 7, null)))),
        new("monitoring rule toggle", e.Rule, async (g, id, org) => Text(await g.GetGrain<IMonitoringRuleGrain>(id).ToggleAsync(Actor, org))),
        new("monitoring rule evaluate", e.Rule, async (g, id, org) => Text(await g.GetGrain<IMonitoringRuleGrain>(id).EvaluateAsync(Actor, org))),
        new("alert config update", e.AlertConfig, async (g, id, org) => Text(await g.GetGrain<IAlertConfigGrain>(id).UpdateAsync(
            Actor, org, new AlertConfigRequest("taken over", e.ScrapeJob, e.GatherJob, e.Rule)))),
        new("alert config toggle", e.AlertConfig, async (g, id, org) => Text(await g.GetGrain<IAlertConfigGrain>(id).ToggleAsync(Actor, org))),
        new("alert config delete", e.AlertConfig, async (g, id, org) => Text(await g.GetGrain<IAlertConfigGrain>(id).DeleteAsync(Actor, org))),
        new("channel update", e.Channel, async (g, id, org) => Text(await g.GetGrain<INotificationChannelGrain>(id).UpdateAsync(
            Actor, org, new NotificationChannelRequest("taken over", "webhook", """{"url":"https://evil.example.com/"}""", null, null, null, null)))),
        new("channel toggle", e.Channel, async (g, id, org) => Text(await g.GetGrain<INotificationChannelGrain>(id).ToggleAsync(Actor, org))),
        new("channel test", e.Channel, async (g, id, org) => Text(await g.GetGrain<INotificationChannelGrain>(id).TestAsync(org))),
        new("channel stats", e.Channel, async (g, id, org) => Text(await g.GetGrain<INotificationChannelGrain>(id).StatsAsync(org))),
        new("notification rule update", e.NotificationRule, async (g, id, org) => Text(await g.GetGrain<INotificationRuleGrain>(id).UpdateAsync(
            Actor, org, new NotificationRuleRequest("taken over", 1, null, null, null, null)))),
        new("notification rule toggle", e.NotificationRule, async (g, id, org) => Text(await g.GetGrain<INotificationRuleGrain>(id).ToggleAsync(Actor, org))),
        new("notification rule delete", e.NotificationRule, async (g, id, org) => Text(await g.GetGrain<INotificationRuleGrain>(id).DeleteAsync(Actor, org))),
        new("api key rename", e.ApiKey, async (g, id, org) => Text(await g.GetGrain<IApiKeyGrain>(id).EditAsync(Actor, org, "taken over", null))),
        new("api key toggle", e.ApiKey, async (g, id, org) => Text(await g.GetGrain<IApiKeyGrain>(id).ToggleAsync(Actor, org))),
        new("api key deactivate", e.ApiKey, async (g, id, org) => Text(await g.GetGrain<IApiKeyGrain>(id).DeactivateAsync(Actor, org))),
        // The deletes come last: were a check missing, they would take B's entities away from the probes above.
        new("gather job delete", e.GatherJob, async (g, id, org) => Text(await g.GetGrain<IGatherJobGrain>(id).DeleteAsync(Actor, org))),
        new("scrape job delete", e.ScrapeJob, async (g, id, org) => Text(await g.GetGrain<IScrapeJobGrain>(id).DeleteAsync(Actor, org))),
        new("helm sync job delete", e.HelmSyncJob, async (g, id, org) => Text(await g.GetGrain<IHelmSyncJobGrain>(id).DeleteAsync(Actor, org))),
        new("monitoring rule delete", e.Rule, async (g, id, org) => Text(await g.GetGrain<IMonitoringRuleGrain>(id).DeleteAsync(Actor, org))),
        new("channel delete", e.Channel, async (g, id, org) => Text(await g.GetGrain<INotificationChannelGrain>(id).DeleteAsync(Actor, org))),
    ]);

    private static string Found(object? answer) => answer is null ? "none" : "found";

    private static string Text<T>(CommandResult<T> result) => $"{result.Status}: {result.Detail}";

    private static async Task<string> ProblemAsync(ApiClient caller, string method, string path)
    {
        using var response = await caller.SendAsync(new HttpMethod(method), path, method == "PUT" ? Gather : null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // The trace id differs per request; everything else must be identical.
        return System.Text.RegularExpressions.Regex.Replace(body, "\"trace_?[iI]d\":\"[^\"]*\"", "");
    }
}
