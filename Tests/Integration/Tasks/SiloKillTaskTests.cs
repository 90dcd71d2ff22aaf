using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>Two silo processes; agents beat every second.</summary>
public sealed class TwoSiloTaskSystem : RunningSystem
{
    protected override int SiloCount => 2;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string> { ["AGENT_HEARTBEAT_INTERVAL"] = "1s" };
}

/// <summary>
/// A silo is killed (SIGKILL) while agents of several organizations hold jobs: the task engines come back on the
/// survivor from the database, and every job completes exactly once.
/// </summary>
public class SiloKillTaskTests(TwoSiloTaskSystem system, ITestOutputHelper output) : IClassFixture<TwoSiloTaskSystem>
{
    private const int Organizations = 4;
    private const int JobsPerOrganization = 5;

    [Fact]
    public async Task Jobs_in_progress_when_a_silo_dies_each_complete_exactly_once()
    {
        var agents = new List<(TestAgent Agent, string Name, List<long> Jobs)>();
        for (var i = 0; i < Organizations; i++)
        {
            var (owner, key) = await system.OrganizationAsync($"kill-{i}");
            var jobs = new List<long>();
            for (var j = 0; j < JobsPerOrganization; j++)
            {
                jobs.Add(await owner.CreateGatherJobAsync($"job-{j}"));
            }

            agents.Add((await TestAgent.StartAsync(system.Frontend.BaseAddress, key, $"agent-{i}"), $"agent-{i}", jobs));
        }

        var held = new Dictionary<TestAgent, List<JsonElement>>();
        foreach (var (agent, name, _) in agents)
        {
            held[agent] = await agent.ClaimAllAsync();
            Assert.Equal(JobsPerOrganization, held[agent].Count);
        }

        var clock = Stopwatch.StartNew();
        system.Silos[0].Process.Kill();
        await Task.WhenAll(agents.Select(a => WorkUntilDoneAsync(a.Agent, a.Name, held[a.Agent], a.Jobs.Count)));
        output.WriteLine($"every job completed {clock.Elapsed.TotalSeconds:F1} s after the kill");

        foreach (var job in agents.SelectMany(a => a.Jobs))
        {
            Assert.Equal("completed", await system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {job}"));
            Assert.Equal(1L, await system.ScalarAsync<long>(
                $"SELECT count(*) FROM task_executions WHERE job_kind = 'gather_job' AND job_id = {job} AND outcome = 'succeeded'"));
        }

        Assert.Equal(0L, await system.ScalarAsync<long>("SELECT count(*) FROM gather_jobs WHERE status = 'in_progress'"));
    }

    /// <summary>An agent as the Agent program behaves: reports what it holds, claims more, retries on 503.</summary>
    private static async Task WorkUntilDoneAsync(TestAgent agent, string name, List<JsonElement> held, int jobCount)
    {
        var completed = new HashSet<long>();
        var deadline = Stopwatch.StartNew();
        while (completed.Count < jobCount)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), $"{name}: {completed.Count} of {jobCount} jobs completed after 120 s");
            foreach (var task in held.ToList())
            {
                var status = await agent.CompleteAsync(task);
                if (status == HttpStatusCode.OK)
                {
                    completed.Add(TestAgent.JobId(task));
                }

                if (status is HttpStatusCode.OK or HttpStatusCode.Conflict)
                {
                    held.Remove(task);
                }
            }

            var claim = await agent.TryClaimAsync(waitSeconds: 1);
            if (claim.Task is { } next)
            {
                held.Add(next);
            }
            else if (claim.Status != HttpStatusCode.NoContent)
            {
                await Task.Delay(500);
            }
        }
    }
}
