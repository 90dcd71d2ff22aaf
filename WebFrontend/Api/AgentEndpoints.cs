using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

public static class AgentEndpoints
{
    public static void MapAgentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/agent/heartbeat", HeartbeatAsync).WithName("sendAgentHeartbeat").WithTags("Agent API").Produces<AgentRegistration>()
            .WithSummary("An agent (API key only) says it is alive, what it can run and which credentials it holds (names and types only).");
        api.MapPost("/agent/bootstrap", BootstrapAsync).WithTags("Agent API").Produces<BootstrappedKey>(StatusCodes.Status201Created)
            .WithSummary("A server agent started with the deployment's AGENT_BOOTSTRAP_SECRET provisions its own global-scope key (returned once).");
        api.MapPost("/agent/release-key", ReleaseKeyAsync).WithName("releaseAgentKey").WithTags("Agent API").Produces(StatusCodes.Status204NoContent)
            .WithSummary("A server agent deactivates the key it provisioned itself, on graceful shutdown.");
        api.MapGet("/agents", ListAsync).WithTags("Agents").Produces<Page<AgentRecord>>()
            .WithSummary("The organization's agents: online or offline, capabilities, credential names, last heartbeat.");
        api.MapGet("/agents/summary", async (HttpContext context, IClusterClient cluster) =>
                Results.Ok(await cluster.GetGrain<IAgentDirectoryGrain>(0).SummaryAsync(context.Scope().OrganizationId)))
            .WithTags("Agents").Produces<AgentSummary>()
            .WithSummary("Agents online/offline, queued jobs, and each queued job no online agent can run, with the missing capability or credential.");
    }

    private static Task<IResult> HeartbeatAsync(AgentHeartbeat body, HttpContext context, GrainReferences grains) =>
        DuringRecovery.AnswerAsync(async () => Problems.From(
            await grains.Get<IAgentDirectoryGrain>(0).HeartbeatAsync(context.Identity().ApiKey!.KeyId, context.Scope().OrganizationId, body), Results.Ok));

    public sealed record BootstrapRequest(string? Secret, string? Hostname);

    /// <summary>The key a server agent provisioned for itself; <see cref="Key"/> is shown only in this answer.</summary>
    public sealed record BootstrappedKey(long Id, string Name, DateTime? ExpiresAt, string Key);

    /// <summary>Attempts are counted per client address (after the trusted-proxy rules have set it).</summary>
    private static async Task<IResult> BootstrapAsync(BootstrapRequest body, HttpContext context, IClusterClient cluster)
    {
        var address = ClientAddress.CountingKey(context.Connection.RemoteIpAddress);
        var outcome = await cluster.GetGrain<IServerAgentBootstrapGrain>(address).BootstrapAsync(body.Secret ?? "", body.Hostname ?? "");
        return outcome switch
        {
            { Status: BootstrapStatus.Created, Key: { } created } =>
                Results.Created($"/api/v1/internal/server-agent-keys/{created.Key.Id}", new BootstrappedKey(created.Key.Id, created.Key.Name, created.Key.ExpiresAt, created.Value)),
            { Status: BootstrapStatus.Invalid } => Problems.Invalid("secret", outcome.Detail),
            { Status: BootstrapStatus.Throttled } => new RetryAfter(
                Results.Problem(outcome.Detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests"), outcome.RetryAfterSeconds),
            _ => Problems.Forbidden(outcome.Detail),
        };
    }

    private static async Task<IResult> ReleaseKeyAsync(HttpContext context, IClusterClient cluster)
    {
        var key = context.Identity().ApiKey!;
        var grain = cluster.GetGrain<IApiKeyGrain>(key.KeyId);
        if (await grain.GetAsync(key.OrganizationId) is not { } record || !ServerAgentKeys.IsAutoProvisioned(record))
        {
            return Problems.Conflict("only a key a server agent provisioned for itself is released this way");
        }

        return Problems.From(await grain.DeactivateAsync(context.Identity().Subject!, key.OrganizationId), _ => Results.NoContent());
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<AgentRecord>(await cluster.GetGrain<IAgentDirectoryGrain>(0).ListAsync(context.Scope().OrganizationId), null));
}
