using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// <c>POST /api/v1/agent/tasks/report</c> (docs/jobs.md, "Reporting several tasks at once"): several finished tasks and the
/// next claims in one request and one write; each task gets its own outcome, a refused one does not stop the others.
/// </summary>
public class TaskReportTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Report = "/api/v1/agent/tasks/report";

    private static readonly object[] OneRelease = [new { version = "v1", prerelease = false }];

    [Fact]
    public async Task A_report_ends_each_task_with_its_outcome_and_claims_the_next_ones_in_the_same_write()
    {
        var (owner, key) = await system.OrganizationAsync("report-mixed");
        using var ownerClient = owner;
        var jobs = await CreateGatherJobsAsync(owner, 5);
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var held = await ClaimAsync(raw, agent, 3);

        var answer = await raw.OkAsync(HttpMethod.Post, Report, new
        {
            agent_id = agent.Id,
            claim_next = 2,
            results = new object[]
            {
                new { task_id = TestAgent.TaskId(held[0]), outcome = "complete", releases = OneRelease },
                new { task_id = TestAgent.TaskId(held[1]), outcome = "fail", error = "upstream answered 503", retryable = true },
                new { task_id = TestAgent.TaskId(held[2]), outcome = "fail", error = "no such repository", retryable = false },
            },
        });

        Assert.Equal(["succeeded", "retrying", "failed"], Outcomes(answer));
        Assert.Equal(held.Select(TestAgent.TaskId), answer.GetProperty("results").EnumerateArray().Select(TestAgent.TaskId));
        var next = answer.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal([jobs[3], jobs[4]], next.Select(TestAgent.JobId));
        Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", jobs[0]));
        Assert.Equal("queued", await owner.JobStatusAsync("gather-jobs", jobs[1]));
        Assert.Equal("failed", await owner.JobStatusAsync("gather-jobs", jobs[2]));
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobs[3]));
        Assert.Equal(1L, await system.ScalarAsync<long>(
            $"SELECT count(DISTINCT xmin::text) FROM gather_jobs WHERE id IN ({jobs[0]}, {jobs[2]}, {jobs[3]}, {jobs[4]})"));
        Assert.Equal("failed retrying succeeded", await system.ScalarAsync<string>(
            $"SELECT string_agg(outcome, ' ' ORDER BY outcome) FROM task_executions WHERE id IN ({string.Join(",", held.Select(TestAgent.TaskId))})"));
    }

    [Fact]
    public async Task A_refused_task_has_its_own_problem_and_the_others_are_taken()
    {
        var (owner, key) = await system.OrganizationAsync("report-refused");
        var (otherOwner, otherKey) = await system.OrganizationAsync("report-refused-other");
        using var ownerClient = owner;
        using var otherOwnerClient = otherOwner;
        var jobs = await CreateGatherJobsAsync(owner, 3);
        var otherJob = await otherOwner.CreateGatherJobAsync("theirs");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var otherAgent = await TestAgent.StartAsync(system.Frontend.BaseAddress, otherKey, "b1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        using var stranger = ApiClient.WithKey(system.Frontend.BaseAddress, otherKey);
        var held = await ClaimAsync(raw, agent, 3);
        var theirs = (await otherAgent.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(held[0]));

        var answer = await raw.OkAsync(HttpMethod.Post, Report, new
        {
            agent_id = agent.Id,
            results = new object[]
            {
                new { task_id = TestAgent.TaskId(held[0]), outcome = "complete", releases = OneRelease },
                new { task_id = TestAgent.TaskId(held[1]), outcome = "complete", releases = OneRelease },
                new { task_id = TestAgent.TaskId(held[2]), outcome = "complete", version = "1.0.0" },
                new { task_id = TestAgent.TaskId(theirs), outcome = "complete", releases = OneRelease },
            },
        });

        Assert.Equal(["refused", "succeeded", "refused", "refused"], Outcomes(answer));
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(409, results[0].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("problem").ValueKind);
        Assert.Equal(422, results[2].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.True(results[2].GetProperty("problem").GetProperty("errors").TryGetProperty("results[2].version", out _));
        Assert.Equal(404, results[3].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Empty(answer.GetProperty("tasks").EnumerateArray());
        Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", jobs[1]));
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobs[2]));
        Assert.Equal("in_progress", await otherOwner.JobStatusAsync("gather-jobs", otherJob));

        // Another organization's key cannot report as this agent at all.
        await stranger.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, Report, new
        {
            agent_id = agent.Id, results = new object[] { new { task_id = TestAgent.TaskId(held[2]), outcome = "fail", error = "x" } },
        });
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", jobs[2]));
    }

    [Fact]
    public async Task A_report_without_results_claims_and_one_without_claim_next_claims_nothing()
    {
        var (owner, key) = await system.OrganizationAsync("report-claim-only");
        using var ownerClient = owner;
        var jobs = await CreateGatherJobsAsync(owner, 2);
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        var claimed = await raw.OkAsync(HttpMethod.Post, Report, new { agent_id = agent.Id, claim_next = 1 });
        var task = Assert.Single(claimed.GetProperty("tasks").EnumerateArray());
        Assert.Equal(jobs[0], TestAgent.JobId(task));

        var reported = await raw.OkAsync(HttpMethod.Post, Report, new
        {
            agent_id = agent.Id, results = new object[] { new { task_id = TestAgent.TaskId(task), outcome = "complete", releases = OneRelease } },
        });
        Assert.Equal(["succeeded"], Outcomes(reported));
        Assert.Empty(reported.GetProperty("tasks").EnumerateArray());
        Assert.Equal("queued", await owner.JobStatusAsync("gather-jobs", jobs[1]));
    }

    [Fact]
    public async Task A_malformed_report_is_refused_whole_naming_each_field()
    {
        var (owner, key) = await system.OrganizationAsync("report-malformed");
        using var ownerClient = owner;
        var job = await owner.CreateGatherJobAsync("one");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var task = TestAgent.TaskId((await agent.ClaimAsync())!.Value);

        var refused = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, Report, new
        {
            agent_id = agent.Id,
            claim_next = 51,
            results = new object[]
            {
                new { task_id = task, outcome = "complete", releases = OneRelease },
                new { outcome = "complete" },
                new { task_id = task, outcome = "done" },
                new { task_id = task, outcome = "fail", releases = OneRelease },
                new { task_id = task, outcome = "complete", error = "x" },
            },
        });
        Assert.Equal(
            ["claim_next", "results[1].task_id", "results[2].outcome", "results[3].releases", "results[4].error"],
            refused.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
        // Nothing of a refused report is taken.
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", job));

        var missingAgent = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, Report, new { claim_next = 1 });
        Assert.True(missingAgent.GetProperty("errors").TryGetProperty("agent_id", out _));
        var nullItem = await raw.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Report, new { agent_id = agent.Id, results = new object?[] { null } });
        Assert.True(nullItem.GetProperty("errors").TryGetProperty("results[0]", out _));
        var negative = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, Report, new { agent_id = agent.Id, claim_next = -1 });
        Assert.True(negative.GetProperty("errors").TryGetProperty("claim_next", out _));
    }

    [Fact]
    public async Task A_report_of_more_than_50_tasks_is_refused_naming_results()
    {
        var (owner, key) = await system.OrganizationAsync("report-bound");
        using var ownerClient = owner;
        var job = await owner.CreateGatherJobAsync("one");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var task = TestAgent.TaskId((await agent.ClaimAsync())!.Value);

        var results = Enumerable.Range(0, 51).Select(i => new { task_id = task, outcome = "fail", error = "x", retryable = true }).ToArray();
        var refused = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, Report, new { agent_id = agent.Id, results });
        Assert.True(refused.GetProperty("errors").TryGetProperty("results", out _));
        Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", job));

        var fifty = await raw.OkAsync(HttpMethod.Post, Report, new { agent_id = agent.Id, results = results[..50] });
        Assert.Equal(["retrying", .. Enumerable.Repeat("refused", 49)], Outcomes(fifty));
    }

    private static async Task<List<JsonElement>> ClaimAsync(ApiClient raw, TestAgent agent, int count) =>
        (await raw.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = count })).GetProperty("tasks").EnumerateArray().ToList();

    private static List<string> Outcomes(JsonElement answer) =>
        answer.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("outcome").GetString()!).ToList();

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
