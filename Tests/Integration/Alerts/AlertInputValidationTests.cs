using System.Net;
using System.Text.Json;
using Npgsql;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>Bad rules, configs and alert requests get a 422 naming the field; a config never reaches into another organization.</summary>
public class AlertInputValidationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Theory]
    [InlineData("""{"rule_type":"majors_behind","moderate":1,"high":2,"critical":3}""", "name")]
    [InlineData("""{"name":"r","rule_type":"patches_behind","moderate":1,"high":2,"critical":3}""", "rule_type")]
    [InlineData("""{"name":"r","rule_type":"days_behind","moderate":-1,"high":2,"critical":3}""", "moderate")]
    [InlineData("""{"name":"r","rule_type":"days_behind","moderate":7,"high":5,"critical":90}""", "high")]
    [InlineData("""{"name":"r","rule_type":"days_behind","moderate":7,"high":30,"critical":29}""", "critical")]
    [InlineData("""{"name":"r","rule_type":"days_behind","moderate":7,"high":30}""", "critical")]
    public async Task A_bad_rule_is_refused_naming_the_field(string body, string field)
    {
        var owner = await OwnerAsync($"rules-{Guid.NewGuid():N}");
        await ExpectInvalidAsync(owner, HttpMethod.Post, "/api/v1/monitoring-rules", JsonDocument.Parse(body).RootElement, field);
    }

    [Fact]
    public async Task A_config_cannot_reference_another_organizations_jobs_or_rule()
    {
        var (b, _) = await system.OrganizationAsync("config-b");
        var bGather = await b.CreateGatherJobAsync("b gather");
        var bScrape = await b.CreateManualScrapeJobAsync("b scrape");
        var bRule = await b.CreateRuleAsync("majors_behind", 1, 2, 3);
        var (a, _) = await system.OrganizationAsync("config-a");
        var aGather = await a.CreateGatherJobAsync("a gather");
        var aScrape = await a.CreateManualScrapeJobAsync("a scrape");
        var aRule = await a.CreateRuleAsync("majors_behind", 1, 2, 3);

        await ExpectInvalidAsync(a, HttpMethod.Post, "/api/v1/alert-configs", new { name = "x", scrape_job_id = bScrape, gather_job_id = aGather, rule_id = aRule }, "scrape_job_id");
        await ExpectInvalidAsync(a, HttpMethod.Post, "/api/v1/alert-configs", new { name = "x", scrape_job_id = aScrape, gather_job_id = bGather, rule_id = aRule }, "gather_job_id");
        await ExpectInvalidAsync(a, HttpMethod.Post, "/api/v1/alert-configs", new { name = "x", scrape_job_id = aScrape, gather_job_id = aGather, rule_id = bRule }, "rule_id");
        await ExpectInvalidAsync(a, HttpMethod.Post, "/api/v1/alert-configs", new { name = "x" }, "scrape_job_id");
        var config = await a.CreateConfigAsync("mine", aScrape, aGather, aRule);
        await ExpectInvalidAsync(a, HttpMethod.Put, $"/api/v1/alert-configs/{config}", new { name = "x", scrape_job_id = aScrape, gather_job_id = aGather, rule_id = bRule }, "rule_id");
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM alert_configs WHERE rule_id = {bRule} OR scrape_job_id = {bScrape} OR gather_job_id = {bGather}"));
    }

    [Fact]
    public async Task Bad_alert_requests_are_refused_naming_the_field()
    {
        var owner = await OwnerAsync("alert-requests");
        await ExpectInvalidAsync(owner, HttpMethod.Get, "/api/v1/alerts?status=open", null, "status");
        await ExpectInvalidAsync(owner, HttpMethod.Get, "/api/v1/alerts?severity=low", null, "severity");
        await ExpectInvalidAsync(owner, HttpMethod.Get, "/api/v1/alerts?acknowledged=maybe", null, "acknowledged");
        await ExpectInvalidAsync(owner, HttpMethod.Post, "/api/v1/alerts/bulk-acknowledge", new { ids = Array.Empty<long>() }, "ids");
        await ExpectInvalidAsync(owner, HttpMethod.Post, "/api/v1/alerts/1/acknowledge", new { metadata = "just text" }, "metadata");
        await ExpectInvalidAsync(owner, HttpMethod.Post, "/api/v1/alerts/1/acknowledge", new { metadata = new { note = new string('x', 5000) } }, "metadata");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync("/api/v1/alerts/987654/acknowledge")).StatusCode);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_active_alert_for_one_config()
    {
        var (owner, _) = await system.OrganizationAsync("one-active");
        var config = await owner.CreateConfigAsync("c", await owner.CreateManualScrapeJobAsync("s"), await owner.CreateGatherJobAsync("g"), await owner.CreateRuleAsync("majors_behind", 1, 2, 3));
        var organization = await system.ScalarAsync<long>($"SELECT organization_id FROM alert_configs WHERE id = {config}");
        var insert = $"""
            INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, behind_by, discovered_version, reason, created_at, updated_at)
            VALUES ({organization}, {config}, 'c', 'high', 2, '1.0.0', 'behind', now(), now()) RETURNING id
            """;
        await system.ScalarAsync<long>(insert);
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => system.ScalarAsync<long>(insert));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }

    private async Task<ApiClient> OwnerAsync(string name) => (await system.OrganizationAsync(name)).Owner;

    private static async Task ExpectInvalidAsync(ApiClient client, HttpMethod method, string path, object? body, string field)
    {
        using var response = await client.SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {text}");
    }
}
