using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Planekeeper.Grains.Interfaces.Access;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// While the frontend reads the access change feed, it keeps an accepted API key and an organization's suspension for
/// up to five minutes without asking their grains; a change still ends them within a second, even when the grain's own
/// message to the frontend is lost (docs/security.md, "Verified API keys").
/// </summary>
public class AccessChangeFeedTests(AccessChangeFeedTests.FeedSystem system) : IClassFixture<AccessChangeFeedTests.FeedSystem>
{
    private static readonly TimeSpan RevocationLatency = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_agent_busy_for_several_seconds_has_its_key_and_organization_looked_up_hardly_ever()
    {
        var (agent, agentId, owner, _, _) = await StartAgentAsync("feed-lookups@example.com");
        using var _agent = agent;
        using var _owner = owner;
        system.Calls.Clear();

        // Without the feed an answer lasts a second: five seconds of requests would ask each grain at least four times.
        var elapsed = Stopwatch.StartNew();
        var requests = 0;
        while (elapsed.Elapsed < TimeSpan.FromSeconds(5))
        {
            Assert.Equal(HttpStatusCode.NoContent, await ClaimAsync(agent, agentId));
            requests++;
        }

        Assert.True(requests > 10, $"only {requests} requests in five seconds");
        // At most one more lookup each, should the machine have held up a read of the feed for a second.
        Assert.InRange(system.Calls.GetValueOrDefault(nameof(IApiKeyGrain.AuthenticateAsync)), 0, 1);
        Assert.InRange(system.Calls.GetValueOrDefault(nameof(IOrganizationGrain.GetSuspensionAsync)), 0, 1);
    }

    [Fact]
    public async Task A_key_disabled_while_its_grains_message_to_the_frontend_is_lost_is_refused_within_a_second()
    {
        var (agent, agentId, owner, _, keyId) = await StartAgentAsync("feed-key@example.com");
        using var _agent = agent;
        using var _owner = owner;
        await UsedForMoreThanASecondAsync(agent, agentId);

        await WhileObserverMessagesAreLostAsync(async () =>
        {
            var disabling = Stopwatch.StartNew();
            await owner.OkAsync(HttpMethod.Post, $"/api/v1/api-keys/{keyId}/toggle");
            await RefusedWithinASecondForGoodAsync(agent, agentId, disabling, HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task An_organization_suspended_while_its_grains_message_to_the_frontend_is_lost_refuses_its_agents_within_a_second()
    {
        var (agent, agentId, owner, organizationId, _) = await StartAgentAsync("feed-suspension@example.com");
        using var _agent = agent;
        using var _owner = owner;
        await UsedForMoreThanASecondAsync(agent, agentId);

        using var admin = await system.AdminAsync();
        await WhileObserverMessagesAreLostAsync(async () =>
        {
            var suspending = Stopwatch.StartNew();
            await admin.OkAsync(HttpMethod.Post, $"/api/v1/internal/organizations/{organizationId}/suspend");
            await RefusedWithinASecondForGoodAsync(agent, agentId, suspending, HttpStatusCode.Forbidden);
        });
    }

    private async Task WhileObserverMessagesAreLostAsync(Func<Task> test)
    {
        system.LoseObserverMessages = true;
        try
        {
            await test();
        }
        finally
        {
            system.LoseObserverMessages = false;
        }
    }

    private async Task<(ApiClient Agent, long AgentId, ApiClient Owner, long OrganizationId, long KeyId)> StartAgentAsync(string email)
    {
        var owner = system.Client();
        await owner.SignUpAsync(email);
        var organizationId = await owner.CreateOrganizationAsync(email);
        var (keyId, key) = await owner.CreateApiKeyAsync("agent");
        var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var agentId = (await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = email.Replace("@", "-"), version = "test" })).GetProperty("agent_id").GetInt64();
        return (agent, agentId, owner, organizationId, keyId);
    }

    /// <summary>Past the first second the frontend keeps the answers only because the feed confirms them.</summary>
    private static async Task UsedForMoreThanASecondAsync(ApiClient agent, long agentId)
    {
        var used = Stopwatch.StartNew();
        while (used.Elapsed < RevocationLatency + TimeSpan.FromMilliseconds(500))
        {
            Assert.Equal(HttpStatusCode.NoContent, await ClaimAsync(agent, agentId));
        }
    }

    private static async Task RefusedWithinASecondForGoodAsync(ApiClient agent, long agentId, Stopwatch since, HttpStatusCode refusal)
    {
        while (await ClaimAsync(agent, agentId) is var status && status != refusal)
        {
            Assert.Equal(HttpStatusCode.NoContent, status);
            Assert.True(since.Elapsed < RevocationLatency, $"still accepted {since.Elapsed.TotalMilliseconds:0} ms after the change");
        }

        Assert.True(since.Elapsed < RevocationLatency, $"refused only after {since.Elapsed.TotalMilliseconds:0} ms");
        while (since.Elapsed < RevocationLatency + TimeSpan.FromMilliseconds(500))
        {
            Assert.Equal(refusal, await ClaimAsync(agent, agentId));
        }
    }

    private static async Task<HttpStatusCode> ClaimAsync(ApiClient agent, long agentId)
    {
        using var response = await agent.SendAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agentId });
        return response.StatusCode;
    }

    /// <summary>
    /// A silo in the test process that counts the frontend's lookups of keys and suspensions, and can lose the grains'
    /// messages to the frontends' caches (as when a frontend does not answer in time).
    /// </summary>
    public sealed class FeedSystem : ClockedSystem
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();

        public volatile bool LoseObserverMessages;

        protected override async Task StartSilosAsync()
        {
            await base.StartSilosAsync();
            await CreateFirstAdminAsync();
        }

        protected override void ConfigureSilo(IServiceCollection services)
        {
            services.AddSingleton<IIncomingGrainCallFilter>(new LookupCounter(Calls));
            services.AddSingleton<IOutgoingGrainCallFilter>(new ObserverMessages(this));
        }
    }

    private sealed class LookupCounter(ConcurrentDictionary<string, int> calls) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType is { } grain && (grain == typeof(IApiKeyGrain) || grain == typeof(IOrganizationGrain))
                && context.MethodName is nameof(IApiKeyGrain.AuthenticateAsync) or nameof(IOrganizationGrain.GetSuspensionAsync))
            {
                calls.AddOrUpdate(context.MethodName, 1, (_, count) => count + 1);
            }

            return context.Invoke();
        }
    }

    private sealed class ObserverMessages(FeedSystem system) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context) =>
            system.LoseObserverMessages && context.InterfaceMethod?.DeclaringType == typeof(IAccessCacheObserver)
                ? Task.FromException(new TimeoutException("the message to the frontend was lost (test)"))
                : context.Invoke();
    }
}
