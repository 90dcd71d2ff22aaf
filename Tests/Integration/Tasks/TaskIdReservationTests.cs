using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// Task ids come in reserved blocks of 256, the next reserved ahead while claims take the last ones (docs/jobs.md,
/// "Claiming"): every task still gets an id of its own. Default leases (30 s), so the claims may take their time.
/// </summary>
public class TaskIdReservationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task More_tasks_than_a_block_of_reserved_task_ids_each_get_an_id_of_their_own()
    {
        const int jobs = 300;
        var (owner, key) = await system.OrganizationAsync("claim-across-id-blocks");
        using var ownerClient = owner;
        for (var i = 0; i < jobs; i++)
        {
            await owner.CreateGatherJobAsync($"job-{i}");
        }

        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "a1");
        using var raw = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var claimed = new List<JsonElement>();
        while (claimed.Count < jobs)
        {
            var tasks = (await raw.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agent.Id, max_tasks = 50 }))
                .GetProperty("tasks").EnumerateArray().ToList();
            foreach (var task in tasks)
            {
                Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(task));
            }

            claimed.AddRange(tasks);
        }

        Assert.Equal(jobs, claimed.Select(TestAgent.TaskId).Distinct().Count());
        Assert.Equal(jobs, claimed.Select(TestAgent.JobId).Distinct().Count());
        Assert.Equal((long)jobs, await system.ScalarAsync<long>(
            $"SELECT count(DISTINCT id) FROM task_executions WHERE agent_id = {agent.Id} AND outcome = 'succeeded'"));
    }
}
