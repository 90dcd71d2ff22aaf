using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

public class ApiKeyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_key_works_until_it_is_disabled_or_deactivated_and_a_wrong_secret_never_works()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("keys@example.com");
        var organizationId = await owner.CreateOrganizationAsync("Keys");
        var (id, key) = await owner.CreateApiKeyAsync("ci");
        Assert.Matches(@"^pk_\d+_[A-Za-z0-9_-]{43}$", key);

        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var me = await agent.OkAsync(HttpMethod.Get, "/api/v1/me");
        Assert.Equal(organizationId, me.GetProperty("organization_id").GetInt64());
        await agent.OkAsync(HttpMethod.Get, "/api/v1/members");
        await agent.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/api-keys"); // member role by default

        var health = await agent.OkAsync(HttpMethod.Get, "/health");
        Assert.True(health.GetProperty("api_key").GetProperty("valid").GetBoolean());
        Assert.Equal(organizationId, health.GetProperty("api_key").GetProperty("organization_id").GetInt64());

        using var wrong = ApiClient.WithKey(system.Frontend.BaseAddress, key[..^4] + "AAAA");
        await wrong.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");
        var wrongHealth = await wrong.OkAsync(HttpMethod.Get, "/health");
        Assert.False(wrongHealth.GetProperty("api_key").GetProperty("valid").GetBoolean());

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{id}/toggle");
        var disabled = await agent.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");
        Assert.Contains("disabled", disabled.GetProperty("detail").GetString());
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{id}/toggle");
        await agent.OkAsync(HttpMethod.Get, "/api/v1/members");

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{id}/deactivate");
        var deactivated = await agent.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/members");
        Assert.Contains("deactivated", deactivated.GetProperty("detail").GetString());
        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/api-keys/{id}/toggle");

        await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/api-keys", new { name = "past", expires_at = DateTime.UtcNow.AddDays(-1) });
        await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/api-keys", new { name = "x", roles = new[] { "pilot" } });
    }

    [Fact]
    public async Task The_secret_appears_once_and_never_again_in_responses_logs_or_the_database()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("secret@example.com");
        await owner.CreateOrganizationAsync("Secrets");
        var (id, key) = await owner.CreateApiKeyAsync("deploy", "viewer");
        var secret = key[(key.IndexOf('_', 3) + 1)..];   // pk_<id>_<secret>; the secret itself may contain '_'
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await agent.OkAsync(HttpMethod.Get, "/api/v1/members");
        await agent.OkAsync(HttpMethod.Get, "/health");

        var afterwards = new List<JsonElement>
        {
            await owner.OkAsync(HttpMethod.Get, "/api/v1/api-keys"),
            await owner.OkAsync(HttpMethod.Get, $"/api/v1/api-keys/{id}"),
            await owner.OkAsync(HttpMethod.Patch, $"/api/v1/api-keys/{id}", new { name = "deploy-renamed" }),
            await owner.OkAsync(HttpMethod.Get, "/api/v1/audit-log?limit=200"),
            await agent.OkAsync(HttpMethod.Get, "/api/v1/me"),
        };
        Assert.All(afterwards, body => Assert.DoesNotContain(secret, body.GetRawText()));

        Assert.DoesNotContain(secret, system.AllOutput);
        var stored = await system.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT t::text AS row FROM api_keys t UNION ALL SELECT a::text FROM audit_log a) rows WHERE row LIKE '%{secret}%'");
        Assert.Equal(0, stored);
    }
}
