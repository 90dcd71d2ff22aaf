using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// A key's expiry. The frontend ends a cached key at its expiry by its own clock and the key's grain refuses it by
/// the silo's (docs/security.md, "Verified API keys"), so these keys expire a few seconds ahead on the wall clock that
/// both share: this fixture's clock is never moved.
/// </summary>
public class ApiKeyExpiryTests(ClockedBootstrapSystem system) : IClassFixture<ClockedBootstrapSystem>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_key_works_until_its_expiry_and_is_refused_as_expired_after_it()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("expiry@example.com");
        await owner.CreateOrganizationAsync("Expiry");
        var expiresAt = system.Clock.GetUtcNow().UtcDateTime + Lifetime;

        var shortLived = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "brief", expires_at = expiresAt });
        using var brief = ApiClient.WithKey(system.Frontend.BaseAddress, shortLived.GetProperty("key").GetString()!);
        await brief.OkAsync(HttpMethod.Get, "/api/v1/members");

        await AssertRefusedAsExpiredAfterAsync(() => brief.StatusAndBodyAsync(HttpMethod.Get, "/api/v1/members"), expiresAt);
    }

    [Fact]
    public async Task A_server_agent_key_is_refused_as_expired_once_it_has_expired()
    {
        using var root = await system.AdminAsync();
        var expiresAt = system.Clock.GetUtcNow().UtcDateTime + Lifetime;
        var created = await root.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "expiring", expires_at = expiresAt });
        using var server = ApiClient.WithKey(system.Frontend.BaseAddress, created.GetProperty("key").GetString()!, system.Frontend.InternalBaseAddress);
        var heartbeat = new { agent_name = "server" };
        await server.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", heartbeat);

        await AssertRefusedAsExpiredAfterAsync(() => server.StatusAndBodyAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", heartbeat), expiresAt);
    }

    /// <summary>Refused from the expiry on, as expired (a request's own time on a busy machine is allowed for).</summary>
    private static async Task AssertRefusedAsExpiredAfterAsync(Func<Task<(HttpStatusCode Status, string Body)>> request, DateTime expiresAt)
    {
        var expired = await Eventually.ReturnsAsync(request, answer => answer.Status == HttpStatusCode.Unauthorized,
            expiresAt - DateTime.UtcNow + TimeSpan.FromSeconds(2), "the expired key refused");
        Assert.True(DateTime.UtcNow >= expiresAt, "refused before its expiry");
        Assert.Contains("expired", expired.Body);
    }
}
