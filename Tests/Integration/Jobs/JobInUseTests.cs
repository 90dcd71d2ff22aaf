using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Jobs;

/// <summary>
/// A job an alert config uses cannot be deleted: 409 naming the configs. Alert configs are written with SQL here
/// (their API arrives with the rules-and-alerts work); the check reads the same table.
/// </summary>
public class JobInUseTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Deleting_a_job_an_alert_config_uses_is_refused_naming_the_config()
    {
        var (owner, _) = await system.OrganizationAsync("in-use");
        using var ownerClient = owner;
        var gatherJob = await owner.CreateGatherJobAsync("kubernetes");
        var scrapeJob = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name = "prod", parse_type = "manual" }))
            .GetProperty("id").GetInt64();
        var organization = owner.OrganizationId!.Value;
        var config = await system.ScalarAsync<long>(
            $"""
            WITH rule AS (INSERT INTO monitoring_rules (organization_id, name, rule_type, moderate, high, critical)
                          VALUES ({organization}, 'minors', 'minors_behind', 1, 2, 3) RETURNING id)
            INSERT INTO alert_configs (organization_id, name, scrape_job_id, gather_job_id, rule_id)
            SELECT {organization}, 'k8s prod', {scrapeJob}, {gatherJob}, id FROM rule RETURNING id
            """);

        var refused = await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/gather-jobs/{gatherJob}");
        Assert.Contains($"k8s prod (id {config})", refused.GetProperty("detail").GetString());
        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/scrape-jobs/{scrapeJob}");
        await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{gatherJob}");

        await system.ScalarAsync<long>($"WITH gone AS (DELETE FROM alert_configs WHERE id = {config} RETURNING id) SELECT count(*) FROM gone");
        await owner.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/gather-jobs/{gatherJob}");
        await owner.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/scrape-jobs/{scrapeJob}");
    }
}
