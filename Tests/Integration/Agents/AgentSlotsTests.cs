using System.Net;
using Planekeeper.Tests.Agent.Support;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>
/// The Agent program's slots (docs/agent.md, "Running several tasks at once"), on a system of its own: the server agents
/// other agent tests start run any organization's credential-free jobs, and one stopped while its claim was pending
/// would take a job from this test until its lease ran out.
/// </summary>
public class AgentSlotsTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task An_agent_with_four_slots_claims_four_due_jobs_in_one_call_runs_them_together_never_more_and_reports_them_together()
    {
        await using var upstream = await HeldReleasesStandIn.StartAsync();
        await using var recorder = await AgentApiRecorder.StartAsync(system.Frontend.BaseAddress);
        var (owner, key) = await system.OrganizationAsync("agent-slots");
        using var ownerClient = owner;
        var jobs = new List<long>();
        for (var i = 1; i <= 8; i++)
        {
            jobs.Add((await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
            {
                name = $"widget {i}", source_type = "github_releases", artifact_name = $"github.com/acme/widget-{i}",
            })).GetProperty("id").GetInt64());
        }

        await using var agent = PlanekeeperProcesses.StartAgent(recorder.Url, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = key, ["AGENT_NAME"] = "four-slots", ["AGENT_CONCURRENCY"] = "4", ["GITHUB_API_URL"] = upstream.Url.ToString(),
        });

        await Eventually.ReturnsAsync(() => Task.FromResult(upstream.Held), held => held == 4, TimeSpan.FromSeconds(60), "four gathers waiting on the upstream together");
        var claim = Assert.Single(recorder.Exchanges, exchange => exchange.IsClaim);
        Assert.Equal(4, claim.Request.GetProperty("max_tasks").GetInt32());
        Assert.Equal(4, claim.Answer.GetProperty("tasks").GetArrayLength());

        upstream.Open();
        foreach (var job in jobs)
        {
            await AgentProcessTests.CompletedAsync(owner, job, agent);
        }

        Assert.Equal(4, upstream.MostHeld);
        Assert.Equal(8, upstream.Requests.Count);
        // Every task was reported once and taken (slots that finished together shared a report), and the four slots went
        // on with the jobs their reports handed out, without claiming again.
        var reports = recorder.Exchanges.Where(exchange => exchange.IsReport).ToList();
        Assert.All(reports, report => Assert.Equal(200, report.Status));
        Assert.InRange(reports.Count, 2, 8);
        Assert.Equal(8, reports.Sum(report => report.Request.GetProperty("results").GetArrayLength()));
        Assert.All(reports.SelectMany(report => report.Answer.GetProperty("results").EnumerateArray()), result => Assert.Equal("succeeded", result.GetProperty("outcome").GetString()));
        var exchanges = string.Join("\n", recorder.Exchanges.Select(exchange => $"{exchange.Path} {exchange.Status} {exchange.RequestBody} -> {exchange.AnswerBody}"));
        Assert.True(reports.Sum(report => report.Answer.GetProperty("tasks").GetArrayLength()) == 4, $"the reports handed out the four remaining jobs; the exchanges:\n{exchanges}");
        Assert.DoesNotContain(recorder.Exchanges, exchange => exchange.Path.EndsWith("/complete", StringComparison.Ordinal));
        Assert.True(recorder.Exchanges.Where(exchange => exchange.IsClaim).Skip(1).All(later => later.Status == 204), $"no later claim got a task; the exchanges:\n{exchanges}");
    }
}
