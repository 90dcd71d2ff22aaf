using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// The internal API's operator actions (docs/api.md, "Internal API"; docs/operations.md): the organizations overview,
/// suspension, global admin and the operator lock on accounts, every agent, the stuck jobs list. Its own system: these
/// tests make and unmake global admins, which other classes count.
/// </summary>
public sealed class OperatorActionsTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Password = "a long enough password";

    [Theory]
    [InlineData("GET", "/api/v1/internal/organizations")]
    [InlineData("POST", "/api/v1/internal/organizations/1/suspend")]
    [InlineData("POST", "/api/v1/internal/organizations/1/unsuspend")]
    [InlineData("POST", "/api/v1/internal/users/1/global-admin")]
    [InlineData("DELETE", "/api/v1/internal/users/1/global-admin")]
    [InlineData("POST", "/api/v1/internal/users/1/lock")]
    [InlineData("POST", "/api/v1/internal/users/1/unlock")]
    [InlineData("GET", "/api/v1/internal/agents")]
    [InlineData("GET", "/api/v1/internal/jobs/stuck")]
    public async Task Every_operator_route_is_for_global_admins_only(string method, string path)
    {
        using var user = system.Client();
        await user.SignUpAsync($"not-admin-{(method + path).GetHashCode():x8}@example.com");
        var refused = await user.ExpectAsync(HttpStatusCode.Forbidden, new HttpMethod(method), path);
        Assert.Equal("forbidden", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_overview_counts_members_jobs_agents_and_open_alerts()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("overview-owner@example.com");
        var organizationId = await owner.CreateOrganizationAsync("Overview org");
        using var _ = (await owner.AddMemberAsync("overview-member@example.com", "viewer")).Client;
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "overview image", source_type = "oci_registry", artifact_name = "ghcr.io/acme/overview", credential_name = "ghcr-token",
        });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "overview prod", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".tag",
        });
        var (_, key) = await owner.CreateApiKeyAsync("overview agents");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "overview-1", capabilities = new[] { "helm_sync" } });
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "overview-2", capabilities = new[] { "helm_sync" } });
        await InsertOpenAlertAsync(organizationId);

        using var admin = await system.AdminAsync();
        var listed = Single((await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/organizations")).GetProperty("items"), organizationId);
        Assert.Equal("Overview org", listed.GetProperty("name").GetString());
        Assert.Equal(2, listed.GetProperty("members").GetInt32());
        Assert.Equal(2, listed.GetProperty("jobs").GetInt32());
        Assert.Equal(2, listed.GetProperty("agents").GetInt32());
        Assert.Equal(1, listed.GetProperty("open_alerts").GetInt32());
        Assert.False(listed.GetProperty("is_suspended").GetBoolean());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("suspended_at").ValueKind);
        Assert.DoesNotContain((await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/organizations")).GetProperty("items").EnumerateArray(),
            organization => organization.GetProperty("id").GetInt64() == 0);
    }

    [Fact]
    public async Task A_suspended_organization_refuses_its_members_admins_keys_and_agents_until_unsuspended()
    {
        using var admin = await system.AdminAsync();
        var organizationId = await admin.CreateOrganizationAsync("Suspended org");
        var (member, _) = await admin.AddMemberAsync("suspended-member@example.com", "owner");
        using var memberClient = member;
        var (_, key) = await admin.CreateApiKeyAsync("suspended agents");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "suspended-1", capabilities = new[] { "gather" } });
        await memberClient.OkAsync(HttpMethod.Get, "/api/v1/members");

        var suspended = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/suspend");
        Assert.True(suspended.GetProperty("is_suspended").GetBoolean());
        var since = suspended.GetProperty("suspended_at").GetDateTime();
        var again = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/suspend");
        Assert.Equal(since, again.GetProperty("suspended_at").GetDateTime());

        await AssertSuspendedAsync(memberClient, HttpMethod.Get, "/api/v1/members");
        await AssertSuspendedAsync(admin, HttpMethod.Get, "/api/v1/members");
        await AssertSuspendedAsync(agent, HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "suspended-1", capabilities = new[] { "gather" } });
        // Still listed in the switcher: only work inside it is refused.
        Assert.Contains((await memberClient.OkAsync(HttpMethod.Get, "/api/v1/organizations")).GetProperty("items").EnumerateArray(),
            organization => organization.GetProperty("id").GetInt64() == organizationId);

        var unsuspended = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/unsuspend");
        Assert.False(unsuspended.GetProperty("is_suspended").GetBoolean());
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/unsuspend");
        await memberClient.OkAsync(HttpMethod.Get, "/api/v1/members");
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "suspended-1", capabilities = new[] { "gather" } });

        var actions = await AuditActionsAsync($"organization:{organizationId}");
        Assert.Equal(1, actions.Count(action => action == "organization.suspended"));
        Assert.Equal(1, actions.Count(action => action == "organization.unsuspended"));
        await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/internal/organizations/999999/suspend");
        await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/internal/organizations/0/suspend");
    }

    [Fact]
    public async Task Server_agents_skip_a_suspended_organizations_jobs_until_it_is_unsuspended()
    {
        using var admin = await system.AdminAsync();
        var organizationId = await admin.CreateOrganizationAsync("Suspended for server agents");
        var job = await admin.CreateGatherJobAsync("public upstream of a suspended org");
        var serverKey = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "suspension server agent" }))
            .GetProperty("key").GetString()!;
        using var server = await TestAgent.StartAsync(system.Frontend.BaseAddress, serverKey, "suspension-server");
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/suspend");

        var whileSuspended = await server.ClaimAllAsync();
        Assert.DoesNotContain(job, whileSuspended.Select(TestAgent.JobId));
        Assert.Equal("queued", await system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {job}"));

        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/unsuspend");
        var task = Assert.Single(await server.ClaimAllAsync(), claimed => TestAgent.JobId(claimed) == job);
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(task));
    }

    [Fact]
    public async Task A_suspended_organizations_pages_answer_403_naming_it()
    {
        using var admin = await system.AdminAsync();
        var organizationId = await admin.CreateOrganizationAsync("Suspended pages org");
        var (member, _) = await admin.AddMemberAsync("suspended-pages@example.com", "owner");
        using var memberClient = member;
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/suspend");

        using var page = await memberClient.SendAsync(HttpMethod.Get, "/agents");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Suspended pages org", await page.Content.ReadAsStringAsync());

        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/unsuspend");
        using var restored = await memberClient.SendAsync(HttpMethod.Get, "/agents");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task A_locked_account_loses_its_sessions_and_cannot_sign_in_until_unlocked()
    {
        using var user = system.Client();
        var userId = await user.SignUpAsync("locked@example.com");
        await user.OkAsync(HttpMethod.Get, "/api/v1/me");

        using var admin = await system.AdminAsync();
        var locked = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{userId}/lock");
        Assert.True(locked.GetProperty("is_locked").GetBoolean());
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{userId}/lock");

        await user.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/me");
        using var stranger = system.Client();
        await stranger.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", new { email = "locked@example.com", password = "not the password" });
        var refused = await stranger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/auth/login", new { email = "locked@example.com", password = Password });
        Assert.Equal("account_locked_by_operator", refused.GetProperty("code").GetString());
        var listed = (await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetInt64() == userId);
        Assert.True(listed.GetProperty("is_locked").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("locked_at").ValueKind);

        var unlocked = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{userId}/unlock");
        Assert.False(unlocked.GetProperty("is_locked").GetBoolean());
        await user.SignInAsync("locked@example.com", Password);
        await user.OkAsync(HttpMethod.Get, "/api/v1/me");

        var actions = await AuditActionsAsync($"user:{userId}");
        Assert.Equal(1, actions.Count(action => action == "user.locked"));
        Assert.Equal(1, actions.Count(action => action == "user.unlocked"));
        Assert.Contains("auth.sessions_revoked", actions);
        await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/v1/internal/users/999999/lock");
    }

    [Fact]
    public async Task Global_admin_is_granted_and_taken_back_but_never_from_the_last_one()
    {
        using var admin = await system.AdminAsync();
        var adminId = (await admin.OkAsync(HttpMethod.Get, "/api/v1/me")).GetProperty("user").GetProperty("id").GetInt64();
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/internal/users/{adminId}/lock");

        using var second = system.Client();
        var secondId = await second.SignUpAsync("second-admin@example.com");
        await second.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/users");
        var granted = await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{secondId}/global-admin");
        Assert.True(granted.GetProperty("is_global_admin").GetBoolean());
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{secondId}/global-admin");
        await second.OkAsync(HttpMethod.Get, "/api/v1/internal/users");

        // With the second admin locked, the first is the last one who can act.
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{secondId}/lock");
        var last = await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/internal/users/{adminId}/global-admin");
        Assert.Contains("last global admin", last.GetProperty("detail").GetString());
        await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{secondId}/unlock");
        await second.SignInAsync("second-admin@example.com", Password);

        // Unlocked again: the second may take it from the first (even from themselves while another remains).
        var revoked = await second.OkAsync(HttpMethod.Delete, $"/api/v1/internal/users/{adminId}/global-admin");
        Assert.False(revoked.GetProperty("is_global_admin").GetBoolean());
        await admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/users");
        await second.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/internal/users/{secondId}/global-admin");
        await second.OkAsync(HttpMethod.Post, $"/api/v1/internal/users/{adminId}/global-admin");
        await second.OkAsync(HttpMethod.Delete, $"/api/v1/internal/users/{secondId}/global-admin");
        await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users");
        Assert.Equal(1L, await system.ScalarAsync<long>("SELECT count(*) FROM casbin_rule WHERE ptype = 'g2' AND v1 = 'superadmin'"));

        var actions = await AuditActionsAsync($"user:{secondId}");
        Assert.Equal(1, actions.Count(action => action == "user.global_admin_granted"));
        Assert.Equal(1, actions.Count(action => action == "user.global_admin_revoked"));
    }

    [Fact]
    public async Task Every_agent_is_listed_with_its_organization_kind_and_health()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("agents-everywhere@example.com");
        var organizationId = await owner.CreateOrganizationAsync("Agents everywhere");
        var (_, key) = await owner.CreateApiKeyAsync("everywhere agents");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var agentId = (await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "everywhere-1", capabilities = new[] { "gather" } }))
            .GetProperty("agent_id").GetInt64();

        using var admin = await system.AdminAsync();
        var listed = (await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/agents")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetInt64() == agentId);
        Assert.Equal("everywhere-1", listed.GetProperty("name").GetString());
        Assert.Equal("organization", listed.GetProperty("kind").GetString());
        Assert.Equal(organizationId, listed.GetProperty("organization_id").GetInt64());
        Assert.Equal("Agents everywhere", listed.GetProperty("organization_name").GetString());
        Assert.Equal("online", listed.GetProperty("status").GetString());
        Assert.Equal(0, listed.GetProperty("running_jobs").GetInt32());
    }

    [Fact]
    public async Task A_claimed_job_is_listed_as_stuck_past_the_threshold_and_reset_stuck_queues_it_again()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("stuck-owner@example.com");
        var organizationId = await owner.CreateOrganizationAsync("Stuck org");
        var job = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "stuck image", source_type = "oci_registry", artifact_name = "ghcr.io/acme/stuck",
        })).GetProperty("id").GetInt64();
        var (_, key) = await owner.CreateApiKeyAsync("stuck agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "stuck-agent", ["gather"]);
        var task = await Eventually.ReturnsAsync(() => agent.ClaimAsync(), claimed => claimed is not null, TimeSpan.FromSeconds(20), "the gather job claimed");
        Assert.Equal(job, TestAgent.JobId(task!.Value));

        using var admin = await system.AdminAsync();
        Assert.DoesNotContain(StuckOf(await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/jobs/stuck?older_than=1h")), item => Matches(item, job));
        // The shortest threshold there is: a second after the claim, the job counts as stuck.
        var stuck = await Eventually.ReturnsAsync(
            () => admin.OkAsync(HttpMethod.Get, "/api/v1/internal/jobs/stuck?older_than=1s"), answer => StuckOf(answer).Any(item => Matches(item, job)),
            TimeSpan.FromSeconds(10), "the claimed job listed as stuck");
        Assert.Equal(1, stuck.GetProperty("older_than_seconds").GetInt64());
        var listed = Assert.Single(StuckOf(stuck), item => Matches(item, job));
        Assert.Equal(organizationId, listed.GetProperty("organization_id").GetInt64());
        Assert.Equal("Stuck org", listed.GetProperty("organization_name").GetString());
        Assert.Equal("stuck image", listed.GetProperty("job_name").GetString());
        Assert.Equal(agent.Id, listed.GetProperty("agent_id").GetInt64());
        Assert.Equal("stuck-agent", listed.GetProperty("agent_name").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("in_progress_since").ValueKind);
        await admin.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/internal/jobs/stuck?older_than=soon");

        await admin.OkAsync(HttpMethod.Post, "/api/v1/internal/jobs/reset-stuck?older_than=1s");
        Assert.DoesNotContain(StuckOf(await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/jobs/stuck?older_than=1s")), item => Matches(item, job));
    }

    private static IEnumerable<JsonElement> StuckOf(JsonElement answer) => answer.GetProperty("items").EnumerateArray();

    private static bool Matches(JsonElement stuck, long jobId) =>
        stuck.GetProperty("job").GetProperty("kind").GetString() == "gather_job" && stuck.GetProperty("job").GetProperty("id").GetInt64() == jobId;

    private static JsonElement Single(JsonElement items, long organizationId) =>
        items.EnumerateArray().Single(item => item.GetProperty("id").GetInt64() == organizationId);

    private static async Task AssertSuspendedAsync(ApiClient client, HttpMethod method, string path, object? body = null)
    {
        var refused = await client.ExpectAsync(HttpStatusCode.Forbidden, method, path, body);
        Assert.Equal("organization_suspended", refused.GetProperty("code").GetString());
        Assert.Contains("is suspended", refused.GetProperty("detail").GetString());
    }

    /// <summary>An alert needs a whole monitoring chain; the overview only counts rows, so one is written directly.</summary>
    private async Task InsertOpenAlertAsync(long organizationId) =>
        await system.ScalarAsync<long>(
            $"""
            INSERT INTO alerts (organization_id, config_name, severity, behind_by, discovered_version, reason, created_at, updated_at)
            VALUES ({organizationId}, 'overview config', 'high', 2, '1.0.0', 'behind', now(), now()) RETURNING id
            """);

    private async Task<List<string>> AuditActionsAsync(string target)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action FROM audit_log WHERE target = @Target", connection);
        command.Parameters.AddWithValue("Target", target);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
