using System.Net;
using Planekeeper.Tests.Agent.Scraping;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// A scraped repository holding a YAML file nested 100,000 deep, read by a real agent process: the task fails with a
/// readable error, and the same agent goes on to complete the next job (it did not crash).
/// </summary>
public sealed class AgentCrashVectorTests(RunningSystem system) : IClassFixture<RunningSystem>, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_deeply_nested_yaml_file_fails_its_task_and_the_agent_goes_on()
    {
        var repository = Repository(("deep.yaml", new string('[', 100_000) + new string(']', 100_000)), ("ok.yaml", "image:\n  tag: 1.2.3\n"));
        var (owner, key) = await system.OrganizationAsync("deep-yaml");
        var deep = await ScrapeJobAsync(owner, repository, "deep.yaml");
        await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = key, ["AGENT_NAME"] = "yaml-agent",
        });

        var failed = await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{deep}"),
            record => record.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(60), "the deep file failing its task");
        Assert.StartsWith("deep.yaml is nested more than 64 levels deep", failed.GetProperty("last_error").GetString());

        var ok = await ScrapeJobAsync(owner, repository, "ok.yaml");
        await Eventually.ReturnsAsync(() => owner.JobStatusAsync("scrape-jobs", ok), status => status == "completed", TimeSpan.FromSeconds(60), "the same agent completing the next job");
        Assert.False(agent.HasExited, "the agent exited:\n" + agent.Output);
    }

    private string Repository(params (string File, string Text)[] files)
    {
        var bare = Path.Combine(_folder.Path, "repo.git");
        var work = Path.Combine(_folder.Path, "work");
        GitCommandLine.Run(_folder.Path, _folder.Path, "init", "--quiet", "--bare", bare);
        GitCommandLine.Run(_folder.Path, _folder.Path, "init", "--quiet", work);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(work, file), text);
        }

        GitCommandLine.Run(work, _folder.Path, "add", "--all");
        GitCommandLine.Run(work, _folder.Path, "commit", "--quiet", "-m", "files");
        GitCommandLine.Run(work, _folder.Path, "push", "--quiet", bare, "main");
        return new Uri(bare).AbsoluteUri;
    }

    private static async Task<long> ScrapeJobAsync(ApiClient owner, string repository, string file) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = file, repository_url = repository, target_file = file, parse_type = "yq", parse_expression = ".image.tag",
        })).GetProperty("id").GetInt64();
}
