using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// A clocked silo (keys expire in months, bootstrap windows close in minutes) with bootstrapping on, a small number
/// of attempts per client address, and the first global admin.
/// </summary>
public sealed class ClockedBootstrapSystem : ClockedSystem
{
    public const string BootstrapSecret = "a bootstrap secret of forty characters!!";
    public const int MaxAttempts = 4;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["AGENT_BOOTSTRAP_SECRET"] = BootstrapSecret,
        ["AGENT_BOOTSTRAP_MAX_ATTEMPTS"] = MaxAttempts.ToString(),
        ["AGENT_BOOTSTRAP_WINDOW"] = "15m",
    };

    protected override async Task StartSilosAsync()
    {
        await base.StartSilosAsync();
        await CreateFirstAdminAsync();
    }
}

/// <summary>Keys of the global scope: only global admins list, create and revoke them; they always expire; bootstrap is guarded.</summary>
public class ServerAgentKeyTests(ClockedBootstrapSystem system) : IClassFixture<ClockedBootstrapSystem>
{
    private const string Keys = "/api/v1/internal/server-agent-keys";

    private static readonly object Heartbeat = new { agent_name = "server" };

    [Fact]
    public async Task Global_admins_list_create_and_revoke_server_agent_keys_and_nobody_else_can()
    {
        using var root = await system.AdminAsync();
        var created = await root.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Keys, new { name = "server-1" });
        var id = created.GetProperty("id").GetInt64();
        var now = system.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(created.GetProperty("expires_at").GetDateTime(), now.AddDays(89), now.AddDays(91));
        using var server = ApiClient.WithKey(system.Frontend.BaseAddress, created.GetProperty("key").GetString()!, system.Frontend.InternalBaseAddress);
        await server.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);

        var listed = await root.OkAsync(HttpMethod.Get, Keys);
        var item = listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetInt64() == id);
        Assert.Equal("server-1", item.GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("last_used_at").ValueKind);
        Assert.DoesNotContain(created.GetProperty("key").GetString()!, listed.GetRawText());

        using var user = system.Client();
        await user.SignUpAsync("not-an-admin@example.com");
        await user.CreateOrganizationAsync("Tenant");
        var (tenantKeyId, tenantKey) = await user.CreateApiKeyAsync("tenant");
        using var tenant = ApiClient.WithKey(system.Frontend.BaseAddress, tenantKey, system.Frontend.InternalBaseAddress);
        foreach (var caller in new[] { user, tenant, server })
        {
            await caller.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Keys);
            await caller.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Keys, new { name = "mine" });
            await caller.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"{Keys}/{id}");
        }

        await server.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        await root.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Keys}/{tenantKeyId}");
        await root.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Keys}/{id}");
        var revoked = await server.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/agent/heartbeat", Heartbeat);
        Assert.Contains("deactivated", revoked.GetProperty("detail").GetString());
        await tenant.OkAsync(HttpMethod.Get, "/api/v1/members");
    }

    [Fact]
    public async Task A_server_agent_key_cannot_be_made_to_last_more_than_a_year()
    {
        using var root = await system.AdminAsync();
        var tooLong = await root.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, Keys,
            new { name = "forever", expires_at = system.Clock.GetUtcNow().AddDays(400) });
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("expires_at", out _));
        // Refused once expired: ApiKeyExpiryTests, on a clock both the frontend and the silo share.
    }

    [Fact]
    public async Task Bootstrap_refuses_short_secrets_and_counts_every_attempt_per_client_address()
    {
        using var anonymous = system.Client();
        var bootstrapped = await system.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name LIKE 'serveragent-auto-%'");

        var shortSecret = await anonymous.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/agent/bootstrap",
            new { secret = ClockedBootstrapSystem.BootstrapSecret[..31], hostname = "edge" });
        Assert.True(shortSecret.GetProperty("errors").TryGetProperty("secret", out _));
        await anonymous.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/agent/bootstrap",
            new { secret = ClockedBootstrapSystem.BootstrapSecret.Replace('!', '?'), hostname = "edge" });
        for (var attempt = 3; attempt <= ClockedBootstrapSystem.MaxAttempts; attempt++)
        {
            var created = await anonymous.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/agent/bootstrap",
                new { secret = ClockedBootstrapSystem.BootstrapSecret, hostname = $"edge-{attempt}" });
            Assert.StartsWith("serveragent-auto-edge-", created.GetProperty("name").GetString());
        }

        // The right secret, one attempt too many: refused before the secret is even looked at.
        using (var throttled = await anonymous.SendAsync(HttpMethod.Post, "/api/v1/agent/bootstrap", new { secret = ClockedBootstrapSystem.BootstrapSecret, hostname = "edge-5" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.InRange(int.Parse(throttled.Headers.GetValues("Retry-After").Single()), 1, 15 * 60);
        }

        Assert.Equal(bootstrapped + ClockedBootstrapSystem.MaxAttempts - 2, await system.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name LIKE 'serveragent-auto-%'"));

        system.Clock.AdvanceTo(system.Clock.GetUtcNow().AddMinutes(15));
        await anonymous.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/agent/bootstrap",
            new { secret = ClockedBootstrapSystem.BootstrapSecret, hostname = "edge-later" });
    }

    [Fact]
    public async Task A_silo_configured_with_a_short_bootstrap_secret_does_not_start()
    {
        var environment = new Dictionary<string, string>(system.Database.Environment)
        {
            ["AGENT_BOOTSTRAP_SECRET"] = "only thirty-one characters long",
            ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true",
        };

        await using var process = ChildProcess.Start(TestEnvironment.SiloDll, environment);

        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(process.StandardError);
        Assert.StartsWith("planekeeper-silo: AGENT_BOOTSTRAP_SECRET must be at least 32 characters", line);
        Assert.DoesNotContain("only thirty-one", line);
    }
}
