using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>Claiming over the real Agent API: who gets which job, in which order, and what a result stores.</summary>
public class TaskClaimTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task A_queued_job_is_claimed_completed_and_its_releases_stored()
    {
        var (owner, key) = await system.OrganizationAsync("claim");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("k8s");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var task = (await agent.ClaimAsync())!.Value;
        Assert.Equal(jobId, TestAgent.JobId(task));
        Assert.Equal("gather_job", task.GetProperty("kind").GetString());
        Assert.Equal(1, task.GetProperty("attempt").GetInt32());
        Assert.Equal("github.com/acme/k8s", task.GetProperty("job").GetProperty("artifact_name").GetString());
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobId));
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/gather-jobs/{jobId}/run")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await agent.RenewAsync(TestAgent.TaskId(task)));
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));

        var done = await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("next_run_at").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("last_run_at").ValueKind);
        var release = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}/releases")).GetProperty("items").EnumerateArray());
        Assert.Equal("v1.0.0", release.GetProperty("version").GetString());
        Assert.Equal("succeeded", await system.ScalarAsync<string>($"SELECT outcome FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {jobId}"));
        Assert.Null(await agent.ClaimAsync());
        Assert.Equal(HttpStatusCode.Conflict, await agent.CompleteAsync(task));

        Assert.Equal(1, (await owner.OkAsync(HttpMethod.Delete, $"/api/v1/gather-jobs/{jobId}/releases")).GetProperty("cleared").GetInt32());
        Assert.Empty((await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}/releases")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_run_is_held_in_its_jobs_row_while_it_runs_and_written_to_task_executions_once_when_it_ends()
    {
        var (owner, key) = await system.OrganizationAsync("run-record");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("recorded");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var task = (await agent.ClaimAsync())!.Value;
        var taskId = TestAgent.TaskId(task);
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE id = {taskId}"));
        Assert.Equal(agent.Id, await system.ScalarAsync<long>($"SELECT lease_agent_id FROM gather_jobs WHERE id = {jobId} AND lease_id = {taskId}"));
        var running = (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == agent.Id);
        Assert.Equal(taskId, Assert.Single(running.GetProperty("running_jobs").EnumerateArray()).GetProperty("task_id").GetInt64());

        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));
        Assert.Equal(
            $"{jobId} {agent.Id} 1 succeeded t",
            await system.ScalarAsync<string>(
                $"SELECT concat_ws(' ', job_id, agent_id, attempt, outcome, finished_at >= started_at) FROM task_executions WHERE id = {taskId} AND job_kind = 'gather_job'"));
        Assert.Equal(HttpStatusCode.Conflict, await agent.CompleteAsync(task));
    }

    [Fact]
    public async Task The_next_gather_gets_the_upstream_validators_and_an_unchanged_upstream_keeps_the_releases()
    {
        var (owner, key) = await system.OrganizationAsync("conditional");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("etag");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var first = (await agent.ClaimAsync())!.Value;
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(first), new
        {
            releases = new[] { new { version = "v1.0.0", prerelease = false } },
            etag = "W/\"abc\"",
            last_modified = "2026-11-27T08:00:00Z",
        }));

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{jobId}/run");
        var second = (await agent.ClaimAsync())!.Value;
        Assert.Equal("W/\"abc\"", second.GetProperty("previous").GetProperty("etag").GetString());
        Assert.Equal(new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc), second.GetProperty("previous").GetProperty("last_modified").GetDateTime().ToUniversalTime());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await agent.CompleteAsync(TestAgent.TaskId(second), new
        {
            unchanged = true, releases = new[] { new { version = "v9.9.9", prerelease = false } },
        }));
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(second), new { unchanged = true }));

        Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", jobId));
        var release = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}/releases")).GetProperty("items").EnumerateArray());
        Assert.Equal("v1.0.0", release.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_helm_sync_run_keeps_one_gather_job_per_chart_and_reports_charts_that_left_the_index()
    {
        var (owner, key) = await system.OrganizationAsync("helm-sync");
        using var ownerClient = owner;
        var sync = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/helm-sync-jobs", new
        {
            name = "bitnami", repository_url = "https://charts.example.com/bitnami", schedule = "0 3 * * *",
        })).GetProperty("id").GetInt64();
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "syncer", ["helm_sync"]);

        async Task SyncAsync(params string[] charts)
        {
            await owner.OkAsync(HttpMethod.Post, $"/api/v1/helm-sync-jobs/{sync}/run");
            var task = (await agent.ClaimAsync())!.Value;
            Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new
            {
                charts = charts.Select(name => new { name, latest_version = "1.0.0", app_version = "1.0" }).ToArray(),
            }));
        }

        async Task<Dictionary<string, System.Text.Json.JsonElement>> ChildrenAsync() =>
            (await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs?limit=200")).GetProperty("items").EnumerateArray()
                .Where(job => job.GetProperty("labels").TryGetProperty("planekeeper.io/helm-sync-job", out var label) && label.GetString() == sync.ToString())
                .ToDictionary(job => job.GetProperty("name").GetString()!);

        await SyncAsync("nginx", "redis");
        var children = await Eventually.ReturnsAsync(ChildrenAsync, found => found.Count == 2, TimeSpan.FromSeconds(10), "two child gather jobs");
        Assert.Equal("charts.example.com/bitnami/nginx", children["nginx"].GetProperty("artifact_name").GetString());
        Assert.Equal("helm_repository", children["nginx"].GetProperty("source_type").GetString());
        Assert.Equal("0 3 * * *", children["redis"].GetProperty("schedule").GetString());

        await SyncAsync("nginx");
        var charts = await owner.OkAsync(HttpMethod.Get, $"/api/v1/helm-sync-jobs/{sync}/charts");
        Assert.Equal(["nginx"], charts.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(["redis"], charts.GetProperty("removed").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(2, (await ChildrenAsync()).Count);
    }

    [Fact]
    public async Task Completing_with_claim_next_hands_the_agent_its_next_task_in_the_same_answer()
    {
        var (owner, key) = await system.OrganizationAsync("claim-next");
        using var ownerClient = owner;
        var jobs = await CreateGatherJobsAsync(owner, 2);
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        var first = (await agent.ClaimAsync())!.Value;

        var answer = await raw.OkAsync(HttpMethod.Post, $"/api/v1/agent/tasks/{TestAgent.TaskId(first)}/complete", new
        {
            agent_id = agent.Id, claim_next = true, releases = new[] { new { version = "v1", prerelease = false } },
        });
        var next = answer.GetProperty("next_task");
        Assert.Equal(jobs[1], TestAgent.JobId(next));
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobs[1]));

        var last = await raw.OkAsync(HttpMethod.Post, $"/api/v1/agent/tasks/{TestAgent.TaskId(next)}/complete", new
        {
            agent_id = agent.Id, claim_next = true, releases = Array.Empty<object>(),
        });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("next_task").ValueKind);
        Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", jobs[1]));
    }

    [Fact]
    public async Task Agents_of_two_organizations_polling_at_once_each_get_their_own_jobs_exactly_once()
    {
        var (ownerA, keyA) = await system.OrganizationAsync("exclusive-a");
        var (ownerB, keyB) = await system.OrganizationAsync("exclusive-b");
        using var a = ownerA;
        using var b = ownerB;
        var jobsA = await CreateGatherJobsAsync(ownerA, 24);
        var jobsB = await CreateGatherJobsAsync(ownerB, 8);
        using var agentA1 = await TestAgent.StartAsync(system.Frontend.BaseAddress, keyA, "a1");
        using var agentA2 = await TestAgent.StartAsync(system.Frontend.BaseAddress, keyA, "a2");
        using var agentB = await TestAgent.StartAsync(system.Frontend.BaseAddress, keyB, "b1");

        var received = new ConcurrentDictionary<TestAgent, ConcurrentBag<long>>();
        await Task.WhenAll(new[] { agentA1, agentA2, agentB }.Select(agent => WorkUntilIdleAsync(agent, received.GetOrAdd(agent, _ => []))));

        var byA = received[agentA1].Concat(received[agentA2]).ToList();
        Assert.Equal(jobsA.Order(), byA.Order());
        Assert.Equal(jobsB.Order(), received[agentB].Order());
        foreach (var job in jobsA.Concat(jobsB))
        {
            Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {job}"));
        }
    }

    [Fact]
    public async Task A_server_agent_runs_every_organizations_jobs_without_credentials_and_never_one_naming_a_credential()
    {
        var (ownerC, _) = await system.OrganizationAsync("server-c");
        var (ownerD, _) = await system.OrganizationAsync("server-d");
        using var c = ownerC;
        using var d = ownerD;
        var open = (await CreateGatherJobsAsync(ownerC, 3)).Concat(await CreateGatherJobsAsync(ownerD, 3)).ToList();
        var secret = await ownerC.CreateGatherJobAsync("private", credential: "ghcr-token");
        using var admin = await system.AdminAsync();
        var serverKey = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "server agent" }))
            .GetProperty("key").GetString()!;
        using var server = await TestAgent.StartAsync(system.Frontend.BaseAddress, serverKey, "server", null, ("ghcr-token", "registry_basic"));

        var received = await server.ClaimAllAsync();
        foreach (var task in received)
        {
            Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(task));
        }

        // Other tests' organizations may have left jobs too: the server agent serves everybody.
        var mine = new[] { ownerC.OrganizationId, ownerD.OrganizationId };
        var tasks = received.Where(t => mine.Contains(t.GetProperty("organization_id").GetInt64())).ToList();
        Assert.Equal(open.Order(), tasks.Select(TestAgent.JobId).Order());
        Assert.DoesNotContain(secret, received.Select(TestAgent.JobId));
        // Organizations take turns: C's and D's tasks alternate.
        var organizations = tasks.Select(t => t.GetProperty("organization_id").GetInt64()).ToList();
        Assert.All(organizations.Zip(organizations.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));

        Assert.Equal("queued", await ownerC.JobStatusAsync("gather-jobs", secret));
        var summary = await ownerD.OkAsync(HttpMethod.Get, "/api/v1/agents/summary");
        Assert.Empty(summary.GetProperty("uncovered").EnumerateArray());
    }

    [Fact]
    public async Task Capability_and_every_named_credential_decide_which_agent_gets_a_job()
    {
        var (owner, key) = await system.OrganizationAsync("matching");
        using var ownerClient = owner;
        var needsToken = await owner.CreateGatherJobAsync("private image", credential: "ghcr-token");
        var scrape = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "prod", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".tag",
        })).GetProperty("id").GetInt64();
        using var gatherOnly = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "gatherer", ["gather"]);
        using var scraper = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "scraper", ["scrape"], ("ghcr-token", "registry_basic"));
        using var holder = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "holder", ["gather"], ("ghcr-token", "registry_basic"));

        Assert.Null(await gatherOnly.ClaimAsync());
        var scrapeTask = (await scraper.ClaimAsync())!.Value;
        Assert.Equal(scrape, TestAgent.JobId(scrapeTask));
        Assert.Equal("scrape_job", scrapeTask.GetProperty("kind").GetString());
        Assert.Null(await scraper.ClaimAsync());
        Assert.Equal(needsToken, TestAgent.JobId((await holder.ClaimAsync())!.Value));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await scraper.CompleteAsync(TestAgent.TaskId(scrapeTask), TestAgent.SampleResult("gather_job")));
        Assert.Equal(HttpStatusCode.OK, await scraper.CompleteAsync(scrapeTask));
        var version = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{scrape}/versions")).GetProperty("items").EnumerateArray());
        Assert.Equal("1.0.0", version.GetProperty("version").GetString());
        Assert.Equal("agent", version.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Jobs_are_handed_out_oldest_next_run_first()
    {
        var (owner, key) = await system.OrganizationAsync("order");
        using var ownerClient = owner;
        var jobs = await CreateGatherJobsAsync(owner, 3);
        // Run now makes the first job the newest of the queue.
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{jobs[0]}/run");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");

        var order = (await agent.ClaimAllAsync()).Select(TestAgent.JobId).ToList();

        Assert.Equal([jobs[1], jobs[2], jobs[0]], order);
    }

    [Fact]
    public async Task Bad_agent_requests_are_refused_with_the_field_named()
    {
        var (owner, key) = await system.OrganizationAsync("bad-agent");
        var (_, otherKey) = await system.OrganizationAsync("bad-agent-other");
        using var ownerClient = owner;
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        using var stranger = ApiClient.WithKey(system.Frontend.BaseAddress, otherKey);

        var missing = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/tasks/claim", new { wait_seconds = 1 });
        Assert.True(missing.GetProperty("errors").TryGetProperty("agent_id", out _));
        var tooLong = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, wait_seconds = 26 });
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("wait_seconds", out _));
        // Another organization's key cannot act as this agent.
        await stranger.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id });
        await raw.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/agent/tasks/999999/renew", new { agent_id = agent.Id });
        await owner.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id });
    }

    private static async Task WorkUntilIdleAsync(TestAgent agent, ConcurrentBag<long> received)
    {
        while (await agent.ClaimAsync() is { } task)
        {
            received.Add(TestAgent.JobId(task));
            Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));
        }
    }

    private static async Task<List<long>> CreateGatherJobsAsync(ApiClient owner, int count)
    {
        var jobs = new List<long>();
        for (var i = 0; i < count; i++)
        {
            jobs.Add(await owner.CreateGatherJobAsync($"job-{i}"));
        }

        return jobs;
    }
}
