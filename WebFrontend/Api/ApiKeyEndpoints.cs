using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

public static class ApiKeyEndpoints
{
    public sealed record NewApiKey(string? Name, List<string>? Roles, DateTime? ExpiresAt);

    public sealed record ApiKeyChange(string? Name, List<string>? Roles);

    /// <summary>A new key; <see cref="Key"/>, the whole <c>pk_&lt;id&gt;_&lt;secret&gt;</c>, is shown only in this answer.</summary>
    public sealed record CreatedApiKeyView(long Id, string Name, IReadOnlyList<string> Roles, bool IsActive, DateTime? ExpiresAt, DateTime CreatedAt, string Key);

    public static void MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapGet("/", ListAsync).Produces<Page<ApiKeyRecord>>().WithSummary("The organization's API keys (never their secrets).");
        keys.MapPost("/", CreateAsync).Produces<CreatedApiKeyView>(StatusCodes.Status201Created).WithSummary("Create a key; the whole pk_<id>_<secret> value is returned only in this answer.");
        keys.MapGet("/{id:long}", GetAsync).Produces<ApiKeyRecord>().WithSummary("One key; its version is the ETag.").WithETag();
        keys.MapPatch("/{id:long}", EditAsync).Produces<ApiKeyRecord>().WithSummary("Rename a key and/or replace its roles (only roles the caller holds).").WithETag();
        keys.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) => ChangeAsync(id, context, cluster, (key, actor, organizationId) => key.ToggleAsync(actor, organizationId)))
            .Produces<ApiKeyRecord>().WithSummary("Disable or re-enable a key.");
        keys.MapPost("/{id:long}/deactivate", (long id, HttpContext context, IClusterClient cluster) => ChangeAsync(id, context, cluster, (key, actor, organizationId) => key.DeactivateAsync(actor, organizationId)))
            .Produces<ApiKeyRecord>().WithSummary("Deactivate a key for good.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster) =>
        Results.Ok(new Page<ApiKeyRecord>(await cluster.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync(context.Scope().OrganizationId), null));

    private static async Task<IResult> CreateAsync(NewApiKey body, HttpContext context, IClusterClient cluster)
    {
        var scope = context.Scope();
        var expiresAt = body.ExpiresAt?.ToUniversalTime();
        var result = await cluster.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync(scope.Subject, scope.OrganizationId, body.Name ?? "", body.Roles ?? [], expiresAt);
        return Problems.From(result, created => Versioned.Tagged(Results.Created($"/api/v1/api-keys/{created.Key.Id}", new CreatedApiKeyView(
            created.Key.Id, created.Key.Name, created.Key.Roles, created.Key.IsActive, created.Key.ExpiresAt, created.Key.CreatedAt, created.Value)), created.Key.Version));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IApiKeyGrain>(id).GetAsync(context.Scope().OrganizationId) is { } record
            ? Versioned.Ok(record)
            : Problems.NotFound($"no API key {id}");

    private static Task<IResult> EditAsync(long id, ApiKeyChange body, HttpContext context, IClusterClient cluster) =>
        Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (key, actor, organizationId) => key.EditAsync(actor, organizationId, body.Name, body.Roles, expected)));

    /// <summary>A command on the key's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync(
        long id, HttpContext context, IClusterClient cluster, Func<IApiKeyGrain, string, long, Task<CommandResult<ApiKeyRecord>>> change) =>
        Problems.From(await change(cluster.GetGrain<IApiKeyGrain>(id), context.Scope().Subject, context.Scope().OrganizationId), Versioned.Ok);
}
