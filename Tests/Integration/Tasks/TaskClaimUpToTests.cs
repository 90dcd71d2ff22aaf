using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary><c>max_tasks</c> on a claim (docs/jobs.md, "Claiming"): several tasks in one answer, claimed in one write.</summary>
public class TaskClaimUpToTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task A_claim_with_max_tasks_hands_out_up_to_that_many_oldest_first_in_one_write()
    {
        var (owner, key) = await system.OrganizationAsync("claim-up-to");
        using var ownerClient = owner;
        var jobs = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await owner.CreateGatherJobAsync($"job-{i}"));
        }

        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        var first = Tasks(await raw.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = 3 }));
        Assert.Equal(jobs.Take(3), first.Select(TestAgent.JobId));
        Assert.All(first, task => Assert.Equal("gather_job", task.GetProperty("kind").GetString()));
        var ids = string.Join(",", first.Select(TestAgent.TaskId));
        Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(DISTINCT xmin::text) FROM gather_jobs WHERE lease_id IN ({ids})"));
        foreach (var job in jobs.Take(3))
        {
            Assert.Equal("in_progress", await owner.JobStatusAsync("gather-jobs", job));
        }

        var rest = Tasks(await raw.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = 50 }));
        Assert.Equal(jobs.Skip(3), rest.Select(TestAgent.JobId));
        using var none = await raw.SendAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = 50 });
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);

        foreach (var task in first.Concat(rest))
        {
            Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));
        }

        foreach (var job in jobs)
        {
            Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", job));
        }
    }

    [Fact]
    public async Task A_long_polling_claim_with_max_tasks_answers_with_the_job_queued_while_it_waited()
    {
        var (owner, key) = await system.OrganizationAsync("claim-up-to-wait");
        using var ownerClient = owner;
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        var claim = raw.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, wait_seconds = 20, max_tasks = 10 });
        var job = await owner.CreateGatherJobAsync("late");

        var task = Assert.Single(Tasks(await claim));
        Assert.Equal(job, TestAgent.JobId(task));
    }

    [Fact]
    public async Task Max_tasks_outside_1_to_50_answers_422_naming_the_field()
    {
        var (owner, key) = await system.OrganizationAsync("claim-up-to-bad");
        using var ownerClient = owner;
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        foreach (var maxTasks in new[] { 0, -1, 51 })
        {
            var refused = await raw.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = maxTasks });
            Assert.True(refused.GetProperty("errors").TryGetProperty("max_tasks", out _));
        }

        // Without max_tasks the answer keeps its single-task shape.
        await owner.CreateGatherJobAsync("single");
        var single = (await agent.ClaimAsync())!.Value;
        Assert.False(single.TryGetProperty("tasks", out _));
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(single));
    }

    private static List<JsonElement> Tasks(JsonElement answer) => answer.GetProperty("tasks").EnumerateArray().ToList();
}
