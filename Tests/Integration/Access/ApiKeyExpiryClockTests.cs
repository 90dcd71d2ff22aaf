using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>A key's expiry, on a clock the test moves past it.</summary>
public class ApiKeyExpiryClockTests(ClockedSystem system) : IClassFixture<ClockedSystem>
{
    [Fact]
    public async Task A_key_works_until_its_expiry_and_is_refused_as_expired_after_it()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("expiry@example.com");
        await owner.CreateOrganizationAsync("Expiry");
        var expiresAt = system.Clock.GetUtcNow().UtcDateTime.AddHours(1);

        var shortLived = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name = "brief", expires_at = expiresAt });
        using var brief = ApiClient.WithKey(system.Frontend.BaseAddress, shortLived.GetProperty("key").GetString()!);
        await brief.OkAsync(HttpMethod.Get, "/api/v1/members");
        system.Clock.AdvanceTo(expiresAt.AddSeconds(1));
        // Only the silo's clock jumped: the frontend forgets the accepted key by its own clock, within the revocation
        // latency (1 s; docs/security.md, "Verified API keys"). A request's own time on a busy machine is added.
        var expired = await Eventually.ReturnsAsync(() => brief.StatusAndBodyAsync(HttpMethod.Get, "/api/v1/members"),
            answer => answer.Status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(2), "the expired key refused");
        Assert.Contains("expired", expired.Body);
    }
}
