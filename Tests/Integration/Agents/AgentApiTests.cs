using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>Silos told that agents beat every second, so "offline" (three missed beats) comes quickly; server agents may bootstrap.</summary>
public sealed class FastHeartbeatSystem : RunningSystem
{
    public const string BootstrapSecret = "bootstrap secret for the agent api tests";

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["AGENT_HEARTBEAT_INTERVAL"] = "1s",
        ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSecret,
    };
}

public class AgentApiTests(FastHeartbeatSystem system) : IClassFixture<FastHeartbeatSystem>
{
    private static readonly object Heartbeat = new
    {
        agent_name = "edge-1",
        version = "1.0.0",
        credentials = new[] { new { name = "infra-repo", type = "ssh_key" }, new { name = "ghcr", type = "registry_basic" } },
    };

    [Fact]
    public async Task Heartbeats_register_one_agent_per_name_and_the_list_follows_them_online_and_offline()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("agents@example.com");
        await owner.CreateOrganizationAsync("Agents");
        var (_, key) = await owner.CreateApiKeyAsync("agent-key");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        var first = await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        Assert.Equal(1, first.GetProperty("heartbeat_interval_seconds").GetInt32());
        var again = await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        Assert.Equal(first.GetProperty("agent_id").GetInt64(), again.GetProperty("agent_id").GetInt64());

        var listed = Assert.Single((await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items").EnumerateArray());
        Assert.Equal("online", listed.GetProperty("status").GetString());
        Assert.Equal(["gather", "scrape", "helm_sync"], listed.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(["infra-repo", "ghcr"], listed.GetProperty("credentials").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());

        await Eventually.ReturnsAsync(
            async () => (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items")[0].GetProperty("status").GetString(),
            status => status == "offline", TimeSpan.FromSeconds(10), "the agent going offline after three missed heartbeats");

        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        Assert.Equal("online", (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_summary_names_what_queued_jobs_are_missing_until_a_capable_agent_is_online()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("coverage@example.com");
        await owner.CreateOrganizationAsync("Coverage");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "private image", source_type = "oci_registry", artifact_name = "ghcr.io/acme/api", credential_name = "ghcr-token",
        });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "prod", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".tag",
        });
        var (_, key) = await owner.CreateApiKeyAsync("agent-key");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        async Task<Dictionary<string, string>> UncoveredAsync()
        {
            var summary = await owner.OkAsync(HttpMethod.Get, "/api/v1/agents/summary");
            Assert.Equal(2, summary.GetProperty("queued_jobs").GetInt32());
            return summary.GetProperty("uncovered").EnumerateArray().ToDictionary(j => j.GetProperty("kind").GetString()!, j => j.GetProperty("reason").GetString()!);
        }

        Assert.Equal("no agent is online", (await UncoveredAsync())["gather_job"]);

        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "gatherer", capabilities = new[] { "gather" } });
        var gaps = await UncoveredAsync();
        Assert.Equal("no online agent with the gather capability holds the credential 'ghcr-token'", gaps["gather_job"]);
        Assert.Equal("no online agent has the scrape capability", gaps["scrape_job"]);

        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new
        {
            agent_name = "gatherer", capabilities = new[] { "gather", "scrape" }, credentials = new[] { new { name = "ghcr-token", type = "registry_basic" } },
        });
        Assert.Empty(await UncoveredAsync());
    }

    [Fact]
    public async Task A_bad_heartbeat_names_the_field_and_a_user_session_is_not_an_agent()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("agents-bad@example.com");
        await owner.CreateOrganizationAsync("Agents bad");
        var (_, key) = await owner.CreateApiKeyAsync("agent-key");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        var problem = await agent.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/heartbeat", new
        {
            agent_name = "edge-2", capabilities = new[] { "gather", "teleport" }, credentials = new[] { new { name = "x", type = "password" } },
        });
        Assert.True(problem.GetProperty("errors").TryGetProperty("credentials[0].type", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("capabilities", out _));

        await owner.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        Assert.Empty((await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_upstream_quota_an_agent_reports_shows_on_the_agents_list_until_it_reports_another()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("quota@example.com");
        await owner.CreateOrganizationAsync("Quota");
        var (_, key) = await owner.CreateApiKeyAsync("agent-key");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);

        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new
        {
            agent_name = "gatherer",
            rate_limits = new { github = new { limit = 5000, remaining = 42, resets_at = "2026-11-28T10:00:00Z" } },
        });
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "gatherer" });

        var github = (await owner.OkAsync(HttpMethod.Get, "/api/v1/agents")).GetProperty("items")[0].GetProperty("rate_limits").GetProperty("github");
        Assert.Equal(42, github.GetProperty("remaining").GetInt32());
        Assert.Equal(5000, github.GetProperty("limit").GetInt32());

        var refused = await agent.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/heartbeat", new
        {
            agent_name = "gatherer",
            rate_limits = new { github = new { limit = 5000, remaining = -1, resets_at = "2026-11-28T10:00:00Z" } },
        });
        Assert.True(refused.GetProperty("errors").TryGetProperty("rate_limits", out _));
    }

    [Fact]
    public async Task A_server_agent_with_the_bootstrap_secret_provisions_its_own_key_and_releases_it()
    {
        using var anonymous = system.Client();
        await anonymous.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/agent/bootstrap", new { secret = "a guess that is long enough to be judged", hostname = "edge" });

        var created = await anonymous.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/agent/bootstrap",
            new { secret = FastHeartbeatSystem.BootstrapSecret, hostname = "planekeeper-agent-0" });
        Assert.Equal("serveragent-auto-planekeeper-agent-0", created.GetProperty("name").GetString());
        Assert.InRange(created.GetProperty("expires_at").GetDateTime(), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        using var server = ApiClient.WithKey(system.Frontend.BaseAddress, created.GetProperty("key").GetString()!);
        await server.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "server" });
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT organization_id FROM api_keys WHERE id = {created.GetProperty("id").GetInt64()}"));

        await server.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, "/api/v1/agent/release-key");
        await server.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "server" });

        using var owner = system.Client();
        await owner.SignUpAsync("release@example.com");
        await owner.CreateOrganizationAsync("Release");
        var (_, key) = await owner.CreateApiKeyAsync("agent-key");
        using var tenant = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await tenant.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/v1/agent/release-key");
    }
}
