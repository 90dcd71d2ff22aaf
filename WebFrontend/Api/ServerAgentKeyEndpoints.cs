using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The internal API's keys of the global scope (server agents): create, list, revoke. Global admins only.</summary>
public static class ServerAgentKeyEndpoints
{
    public sealed record NewServerAgentKey(string? Name, DateTime? ExpiresAt);

    /// <summary>A new key of the global scope; <see cref="Key"/> is shown only in this answer.</summary>
    public sealed record CreatedServerAgentKey(long Id, string Name, DateTime CreatedAt, DateTime? ExpiresAt, string Key);

    public static void MapServerAgentKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/internal/server-agent-keys").WithTags("Internal");
        keys.MapPost("/", CreateAsync).Produces<CreatedServerAgentKey>(StatusCodes.Status201Created)
            .WithSummary("Create an API key of the global scope for a server agent (expires_at: default 90 days, at most 365); the key is returned only in this answer.");
        keys.MapGet("/", async (IClusterClient cluster) =>
                Results.Ok(new Page<ApiKeyRecord>(await cluster.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync(ServerAgentKeys.GlobalOrganizationId), null)))
            .Produces<Page<ApiKeyRecord>>()
            .WithSummary("Every key of the global scope, provisioned or bootstrapped, with its expiry, last use and state (never a secret).");
        keys.MapDelete("/{id:long}", RevokeAsync).Produces(StatusCodes.Status204NoContent)
            .WithSummary("Deactivate a key of the global scope for good; the next request with it is refused.");
    }

    private static async Task<IResult> CreateAsync(NewServerAgentKey body, HttpContext context, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync(
            context.Identity().Subject!, ServerAgentKeys.GlobalOrganizationId, body.Name ?? "", [], body.ExpiresAt?.ToUniversalTime());
        return Problems.From(result, created => Results.Created($"/api/v1/internal/server-agent-keys/{created.Key.Id}", new CreatedServerAgentKey(
            created.Key.Id, created.Key.Name, created.Key.CreatedAt, created.Key.ExpiresAt, created.Value)));
    }

    /// <summary>The key's grain answers "not found" for any key outside the global scope (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> RevokeAsync(long id, HttpContext context, IClusterClient cluster) =>
        Problems.From(
            await cluster.GetGrain<IApiKeyGrain>(id).DeactivateAsync(context.Identity().Subject!, ServerAgentKeys.GlobalOrganizationId),
            _ => Results.NoContent());
}
