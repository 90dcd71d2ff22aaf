using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class AgentEndpoints
{
    public static void MapAgentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/agent/heartbeat", HeartbeatAsync).WithTags("Agent API")
            .WithSummary("An agent (API key only) says it is alive, what it can run and which credentials it holds (names and types only).");
        api.MapGet("/agents", ListAsync).WithTags("Agents")
            .WithSummary("The organization's agents: online or offline, capabilities, credential names, last heartbeat.");
        api.MapGet("/agents/summary", async (HttpContext context, IClusterClient cluster) =>
                Results.Ok(await cluster.GetGrain<IAgentsGrain>(0).SummaryAsync(context.Scope().OrganizationId)))
            .WithTags("Agents")
            .WithSummary("Agents online/offline, queued jobs, and each queued job no online agent can run, with the missing capability or credential.");
    }

    private static async Task<IResult> HeartbeatAsync(AgentHeartbeat body, HttpContext context, IClusterClient cluster)
    {
        var key = context.Identity().ApiKey!;
        var result = await cluster.GetGrain<IAgentsGrain>(0).HeartbeatAsync(key.KeyId, context.Scope().OrganizationId, body);
        return Problems.From(result, Results.Ok);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new { items = await cluster.GetGrain<IAgentsGrain>(0).ListAsync(context.Scope().OrganizationId), next_cursor = (string?)null });
}
