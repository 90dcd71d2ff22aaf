using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// An Agent API request costs the frontend one grain call, the agent's: the key's acceptance and the organization's
/// suspension are asked for at most about once a second, and far less often while the access change feed confirms
/// them (<see cref="AccessChangeFeedTests"/>; docs/security.md, "Verified API keys").
/// </summary>
public class AgentRequestGrainCallsTests(AgentRequestGrainCallsTests.CountingSystem system) : IClassFixture<AgentRequestGrainCallsTests.CountingSystem>
{
    [Fact]
    public async Task Many_agent_requests_ask_the_key_and_the_organization_about_once_a_second_and_the_agent_each_time()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("one-call@example.com");
        await owner.CreateOrganizationAsync("One call");
        var (_, key) = await owner.CreateApiKeyAsync("agent");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var agentId = (await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "counted", version = "test" })).GetProperty("agent_id").GetInt64();
        system.Calls.Clear();

        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            using var response = await agent.SendAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = agentId });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        for (var i = 0; i < 10; i++)
        {
            var report = await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/tasks/report", new
            {
                agent_id = agentId, claim_next = 4, results = new[] { new { task_id = 999_999 + i, outcome = "fail", error = "x" } },
            });
            Assert.Equal("refused", report.GetProperty("results")[0].GetProperty("outcome").GetString());
        }

        var seconds = (int)Math.Ceiling(elapsed.Elapsed.TotalSeconds);
        Assert.Equal(50, system.Calls.GetValueOrDefault(nameof(IAgentGrain.ClaimUpToAsync)));
        // A report (its tasks and its next claims) is one call of the agent grain too.
        Assert.Equal(10, system.Calls.GetValueOrDefault(nameof(IAgentGrain.ReportAsync)));
        Assert.InRange(system.Calls.GetValueOrDefault(nameof(IApiKeyGrain.AuthenticateAsync)), 0, seconds + 1);
        Assert.InRange(system.Calls.GetValueOrDefault(nameof(IOrganizationGrain.GetSuspensionAsync)), 0, seconds + 1);
    }

    /// <summary>A silo in the test process that counts the calls of an agent's claim, by method.</summary>
    public sealed class CountingSystem : ClockedSystem
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();

        protected override void ConfigureSilo(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(new CallCounter(Calls));
    }

    private sealed class CallCounter(ConcurrentDictionary<string, int> calls) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType is { } grain
                && (grain == typeof(IAgentGrain) || grain == typeof(IApiKeyGrain) || grain == typeof(IOrganizationGrain)))
            {
                calls.AddOrUpdate(context.MethodName, 1, (_, count) => count + 1);
            }

            return context.Invoke();
        }
    }
}
