using System.Net;
using Planekeeper.Tests.Agent.Scraping;
using Planekeeper.Tests.Agent.Support;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>Silos that let server agents provision their own key.</summary>
public sealed class BootstrapSystem : RunningSystem
{
    public const string BootstrapSecret = "bootstrap secret for agent process tests";

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string> { ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSecret };
}

/// <summary>The Agent program as a real process against the real frontend, silo and PostgreSQL.</summary>
public sealed class AgentProcessTests(BootstrapSystem system) : IClassFixture<BootstrapSystem>, IDisposable
{
    private readonly DeploymentRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_client_agent_scrapes_the_deployed_version_from_a_git_repository()
    {
        var (owner, key) = await system.OrganizationAsync("agent-process");
        using var ownerClient = owner;
        var job = await CreateScrapeJobAsync(owner);
        await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = key, ["AGENT_NAME"] = "site-agent",
        });

        await Eventually.ReturnsAsync(() => owner.JobStatusAsync("scrape-jobs", job), status => status == "completed", TimeSpan.FromSeconds(60), "the scrape job completed");
        var snapshot = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}/versions")).GetProperty("items").EnumerateArray());
        Assert.Equal("v1.27.2", snapshot.GetProperty("version").GetString());
        Assert.Equal(_repository.MainSha, snapshot.GetProperty("commit_sha").GetString());
        await Eventually.ReturnsAsync(() => Task.FromResult(agent.Output), output => output.Contains($"scrape_job {job}") && output.Contains("completed in"),
            TimeSpan.FromSeconds(10), "the agent logging the job and its duration");
    }

    [Fact]
    public async Task A_client_agent_gathers_every_release_from_a_github_stand_in_and_then_only_asks_whether_it_changed()
    {
        var published = DateTimeOffset.Parse("2026-06-01T10:00:00Z");
        var releases = Enumerable.Range(1, 130).Reverse()
            .Select(i => new StandInRelease(i, $"v1.{i}.0", published.AddDays(i), Draft: i == 130, Prerelease: i % 10 == 0)).ToList();
        await using var github = await GitHubStandIn.StartAsync(standIn => standIn.AddRepository("acme", "widget", releases));
        var (owner, key) = await system.OrganizationAsync("agent-gather");
        using var ownerClient = owner;
        var job = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "widget", source_type = "github_releases", artifact_name = "github.com/acme/widget",
        })).GetProperty("id").GetInt64();
        await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = key, ["AGENT_NAME"] = "gatherer", ["GITHUB_API_URL"] = github.Url.ToString(),
        });

        await CompletedAsync(owner, job, agent);
        Assert.Equal(129L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {job}"));
        Assert.Equal(12L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {job} AND prerelease"));
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {job} AND version = 'v1.130.0'"));
        Assert.Equal(published.AddDays(7).AddMinutes(5).UtcDateTime,
            await system.ScalarAsync<DateTime>($"SELECT released_at FROM releases WHERE gather_job_id = {job} AND version = 'v1.7.0'"));

        var before = github.Requests.Count;
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{job}/run");
        await Eventually.ReturnsAsync(() => Task.FromResult(github.Requests.Skip(before).ToList()), requests => requests.Any(r => r.Status == 304),
            TimeSpan.FromSeconds(60), "a conditional request answered 304");
        await Eventually.ReturnsAsync(() => owner.JobStatusAsync("gather-jobs", job), status => status == "completed", TimeSpan.FromSeconds(30), "the unchanged run completed");
        Assert.Equal(129L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {job}"));
        // The next heartbeat (every 15 s) carries the quota GitHub reported.
        var rateLimits = await Eventually.ReturnsAsync(
            async () => (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items")[0].GetProperty("rate_limits"),
            limits => limits.TryGetProperty("github", out _), TimeSpan.FromSeconds(40), "the agent reporting GitHub's quota");
        Assert.Equal(github.RateLimit, rateLimits.GetProperty("github").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_server_agent_refuses_a_local_repository_unless_private_urls_are_allowed()
    {
        var (owner, _) = await system.OrganizationAsync("server-agent-local");
        using var ownerClient = owner;
        var job = await CreateScrapeJobAsync(owner);
        var serverAgent = new Dictionary<string, string> { ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSystem.BootstrapSecret, ["AGENT_NAME"] = "strict-server" };

        await using (var strict = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, serverAgent))
        {
            var failed = await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}"),
                record => record.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(60), "the server agent refusing the job");
            Assert.Contains("server agent", failed.GetProperty("last_error").GetString());
            Assert.Equal(1L, await system.ScalarAsync<long>($"SELECT count(*) FROM task_executions WHERE job_kind = 'scrape_job' AND job_id = {job}"));
        }

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{job}/run");
        serverAgent["AGENT_ALLOW_PRIVATE_URLS"] = "true";
        serverAgent["AGENT_NAME"] = "lenient-server";
        await using var lenient = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, serverAgent);
        await Eventually.ReturnsAsync(() => owner.JobStatusAsync("scrape-jobs", job), status => status == "completed", TimeSpan.FromSeconds(60), "the allowed server agent completing the job");
    }

    [Fact]
    public async Task A_server_agent_refuses_an_https_repository_on_127_0_0_1_unless_private_urls_are_allowed()
    {
        await using var git = await GitHttpsServer.StartAsync(_repository.Root, _repository.Root);
        var (owner, _) = await system.OrganizationAsync("server-agent-loopback");
        using var ownerClient = owner;
        var job = await CreateScrapeJobAsync(owner, new Uri(git.Url, "infra.git").ToString());
        var serverAgent = new Dictionary<string, string>
        {
            ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSystem.BootstrapSecret, ["AGENT_NAME"] = "strict-loopback", ["GIT_SSL_CAINFO"] = git.CertificateFile,
        };

        await using (var strict = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, serverAgent))
        {
            var failed = await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}"),
                record => record.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(60), "the server agent refusing 127.0.0.1");
            Assert.Contains("127.0.0.1", failed.GetProperty("last_error").GetString());
        }

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{job}/run");
        serverAgent["AGENT_ALLOW_PRIVATE_URLS"] = "true";
        serverAgent["AGENT_NAME"] = "lenient-loopback";
        await using var lenient = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, serverAgent);
        await Eventually.ReturnsAsync(() => owner.JobStatusAsync("scrape-jobs", job), status => status == "completed", TimeSpan.FromSeconds(60), "the allowed server agent cloning over https");
        var snapshot = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}/versions")).GetProperty("items").EnumerateArray());
        Assert.Equal("v1.27.2", snapshot.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_server_agent_refusing_a_name_on_a_private_address_does_not_tell_the_tenant_the_address()
    {
        var (owner, _) = await system.OrganizationAsync("server-agent-name");
        using var ownerClient = owner;
        var job = await CreateScrapeJobAsync(owner, "https://localhost:9/acme/infra.git");
        var serverAgent = new Dictionary<string, string> { ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSystem.BootstrapSecret, ["AGENT_NAME"] = "strict-name" };

        await using var strict = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, serverAgent);
        var failed = await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}"),
            record => record.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(60), "the server agent refusing localhost");
        var error = failed.GetProperty("last_error").GetString()!;
        Assert.Contains("localhost resolves to a private or reserved address", error);
        Assert.DoesNotContain("127.0.0.1", error);
        Assert.DoesNotContain("::1", error);
    }

    [Fact]
    public async Task A_stopped_server_agent_hands_back_its_running_task_and_deactivates_the_key_it_provisioned()
    {
        // An upstream that takes connections and never answers: the gather is still running when the agent is stopped.
        var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var (owner, _) = await system.OrganizationAsync("agent-stop");
            using var ownerClient = owner;
            var job = await owner.CreateGatherJobAsync("slow upstream");
            await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
            {
                ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSystem.BootstrapSecret, ["AGENT_NAME"] = "stopping", ["AGENT_ALLOW_PRIVATE_URLS"] = "true",
                ["GITHUB_API_URL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/",
            });
            await Eventually.ReturnsAsync(() => Task.FromResult(agent.Output), output => output.Contains($"Running gather_job {job} "),
                TimeSpan.FromSeconds(60), "this agent running the job");

            agent.Terminate();

            Assert.Equal(0, await agent.WaitForExitAsync(TimeSpan.FromSeconds(40)));
            var handedBack = await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{job}");
            Assert.Equal("queued", handedBack.GetProperty("status").GetString());
            Assert.Contains("shut down", handedBack.GetProperty("last_error").GetString());
            Assert.False(await system.ScalarAsync<bool>("SELECT is_active FROM api_keys WHERE name = 'serveragent-auto-stopping'"));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task A_server_url_without_scheme_stops_the_agent_with_one_clear_line()
    {
        await using var agent = PlanekeeperProcesses.StartAgent(new Uri("http://placeholder/"), new Dictionary<string, string>
        {
            ["AGENT_SERVER_URL"] = "planekeeper.example.com", ["AGENT_API_KEY"] = "pk_1_abcdefghijklmnop",
        });

        Assert.Equal(2, await agent.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["planekeeper-agent: AGENT_SERVER_URL must start with http:// or https://, got 'planekeeper.example.com'"], agent.StandardError);
    }

    [Fact]
    public async Task A_refused_key_stops_the_agent()
    {
        await using var agent = PlanekeeperProcesses.StartAgent(system.Frontend.BaseAddress, new Dictionary<string, string>
        {
            ["AGENT_API_KEY"] = "pk_999999_" + new string('x', 43),
        });

        Assert.Equal(1, await agent.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("refused the API key", agent.Output);
    }

    internal static async Task CompletedAsync(ApiClient owner, long job, ChildProcess agent)
    {
        try
        {
            await Eventually.ReturnsAsync(() => owner.JobStatusAsync("gather-jobs", job), status => status == "completed", TimeSpan.FromSeconds(60), "the gather job completed");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\nagent output:\n{agent.Output}");
        }
    }

    private async Task<long> CreateScrapeJobAsync(ApiClient owner, string? repositoryUrl = null) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "web chart", repository_url = repositoryUrl ?? _repository.Url, target_file = "charts/web/Chart.yaml",
            parse_type = "yq", parse_expression = ".appVersion", version_transform = "add_v_lower",
        })).GetProperty("id").GetInt64();
}
