using System.Diagnostics;
using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// The frontend keeps an accepted API key for at most a second and forgets it when the key's grain says it changed
/// (docs/security.md, "Verified API keys"): a key switched off while an agent uses it is refused within that bound,
/// and no request after that is accepted.
/// </summary>
public class ApiKeyRevocationLatencyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeSpan RevocationLatency = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_key_disabled_while_an_agent_uses_it_is_refused_within_a_second_and_never_accepted_again()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("revocation@example.com");
        await owner.CreateOrganizationAsync("Revocation");
        var (id, key) = await owner.CreateApiKeyAsync("busy agent");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var agentId = (await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "busy", version = "test" })).GetProperty("agent_id").GetInt64();

        // The key is in the frontend's cache: it was accepted a moment ago.
        Assert.Equal(HttpStatusCode.NoContent, await ClaimAsync(agent, agentId));
        var disabling = Stopwatch.StartNew();
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{id}/toggle");

        while (await ClaimAsync(agent, agentId) is var status && status != HttpStatusCode.Unauthorized)
        {
            Assert.Equal(HttpStatusCode.NoContent, status);
            Assert.True(disabling.Elapsed < RevocationLatency, $"still accepted {disabling.Elapsed.TotalMilliseconds:0} ms after the key was disabled");
        }

        var refusedAfter = disabling.Elapsed;
        Assert.True(refusedAfter < RevocationLatency, $"refused only after {refusedAfter.TotalMilliseconds:0} ms");
        // Past the bound, nothing cached may bring the key back.
        while (disabling.Elapsed < RevocationLatency + TimeSpan.FromMilliseconds(200))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await ClaimAsync(agent, agentId));
        }

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{id}/toggle");
        await Eventually.ReturnsAsync(() => ClaimAsync(agent, agentId), status => status == HttpStatusCode.NoContent, RevocationLatency, "the enabled key accepted again");
    }

    private static async Task<HttpStatusCode> ClaimAsync(ApiClient agent, long agentId)
    {
        using var response = await agent.SendAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agentId });
        return response.StatusCode;
    }
}
