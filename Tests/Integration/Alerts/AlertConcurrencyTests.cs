using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>
/// Many completions of the jobs behind the same configs at once: one active alert per config and one event per change.
/// Default leases: the test holds its tasks while it completes them, and a 3 s lease could lapse on a loaded machine.
/// </summary>
public class AlertConcurrencyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const int Configs = 5;
    private const int Rounds = 4;

    [Fact]
    public async Task Concurrent_scrape_and_gather_completions_leave_one_active_alert_per_config_in_a_consistent_state()
    {
        var (owner, key) = await system.OrganizationAsync("concurrent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "concurrent-agent");
        var gatherJob = await owner.CreateGatherJobAsync("shared upstream");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var configs = new List<long>();
        for (var i = 0; i < Configs; i++)
        {
            var scrapeJob = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
            {
                name = $"cluster {i}", repository_url = $"https://git.example.com/acme/cluster-{i}.git", target_file = "values.yaml",
                parse_type = "yq", parse_expression = ".image.tag",
            });
            configs.Add(await owner.CreateConfigAsync($"config {i}", scrapeJob.GetProperty("id").GetInt64(), gatherJob, rule));
        }

        for (var round = 1; round <= Rounds; round++)
        {
            var tasks = await agent.ClaimAllAsync();
            Assert.Equal(Configs + 1, tasks.Count);
            var releases = Enumerable.Range(1, round + 1).Select(major => new { version = $"{major}.0.0" }).ToArray();
            var completions = tasks.Select(task => task.GetProperty("kind").GetString() == "gather_job"
                ? agent.CompleteAsync(TestAgent.TaskId(task), new { releases })
                : agent.CompleteAsync(TestAgent.TaskId(task), new { version = "1.0.0", commit_sha = $"sha{round}" }));
            var evaluations = Enumerable.Range(0, 3).Select(_ => owner.PostAsync($"/api/v1/monitoring-rules/{rule}/evaluate"));
            Assert.All(await Task.WhenAll(completions), status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.All(await Task.WhenAll(evaluations), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            await RunAllAsync(owner, gatherJob, configs, round);
        }

        await Eventually.ReturnsAsync(
            () => system.ScalarAsync<long>("SELECT count(*) FROM alerts WHERE severity = 'critical' AND behind_by = 4 AND resolved_at IS NULL"),
            count => count == Configs, TimeSpan.FromSeconds(30), "every config's alert at critical, 4 majors behind");
        foreach (var config in configs)
        {
            Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM alerts WHERE alert_config_id = {config}"));
            var id = await system.ScalarAsync<long>($"SELECT id FROM alerts WHERE alert_config_id = {config}");
            Assert.Equal(
                [("created", "alert.created"), ("escalated", "alert.escalated"), ("escalated", "alert.escalated")],
                (await owner.ActionsAsync(id)).Where(action => action.Event is not null).ToList());
        }
    }

    /// <summary>Queues the gather job and every scrape job again for the next round (all completed now).</summary>
    private static async Task RunAllAsync(ApiClient owner, long gatherJob, List<long> configs, int round)
    {
        if (round == Rounds)
        {
            return;
        }

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{gatherJob}/run");
        foreach (var config in configs)
        {
            var scrapeJob = (await owner.OkAsync(HttpMethod.Get, $"/api/v1/alert-configs/{config}")).GetProperty("scrape_job_id").GetInt64();
            await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{scrapeJob}/run");
        }
    }
}
