using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/alert-configs</c>: CRUD and toggle.</summary>
public static class AlertConfigEndpoints
{
    private const int DefaultWorst = 10;
    private const int MostWorst = 100;

    public static void MapAlertConfigEndpoints(this RouteGroupBuilder api)
    {
        var configs = api.MapGroup("/alert-configs").WithTags("Alert configs");
        configs.MapGet("/", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<AlertConfigRecord>>().WithSummary("The organization's alert configs, by id (keyset pagination).");

        configs.MapGet("/drift", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).DriftAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<AlertConfigDrift>>().WithSummary("The drift table: each alert config's deployed and latest version, behind-by, state and active alert, by id (keyset pagination).");

        configs.MapGet("/drift/worst", async (int? limit, HttpContext context, IClusterClient cluster) =>
            (limit ?? DefaultWorst) is var count and >= 1 and <= MostWorst
                ? Results.Ok(new ItemList<AlertConfigDrift>(await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).WorstDriftAsync(context.Scope().OrganizationId, count)))
                : Problems.Invalid("limit", $"limit must be between 1 and {MostWorst}"))
            .Produces<ItemList<AlertConfigDrift>>()
            .WithSummary("The most drifted alert configs first: by the active alert's severity, then by how far behind (limit 1–100, default 10).");

        configs.MapPost("/", async (AlertConfigRequest body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await cluster.GetGrain<IAlertConfigDirectoryGrain>(0).CreateAsync(scope.Subject, scope.OrganizationId, body);
            return Problems.From(result, config => Versioned.Tagged(Results.Created($"/api/v1/alert-configs/{config.Id}", config), config.Version));
        }).Produces<AlertConfigRecord>(StatusCodes.Status201Created).WithSummary("Link a scrape job, a gather job and a rule of this organization; evaluated at once.");

        configs.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await cluster.GetGrain<IAlertConfigGrain>(id).GetAsync(context.Scope().OrganizationId) is { } config ? Versioned.Ok(config) : NotFound(id))
            .Produces<AlertConfigRecord>().WithSummary("One alert config, with its active alert's id; its version is the ETag.").WithETag();

        configs.MapPut("/{id:long}", (long id, AlertConfigRequest body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (config, actor, organizationId) => config.UpdateAsync(actor, organizationId, body, expected), Versioned.Ok)))
            .Produces<AlertConfigRecord>().WithSummary("Replace an alert config; it is re-evaluated.").WithETag();

        configs.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (config, actor, organizationId) => config.DeleteAsync(actor, organizationId, expected), _ => Results.NoContent())))
            .Produces(StatusCodes.Status204NoContent).WithSummary("Delete an alert config; its active alert resolves, its alerts stay for history.").WithETag();

        configs.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (config, actor, organizationId) => config.ToggleAsync(actor, organizationId), Versioned.Ok))
            .Produces<AlertConfigRecord>().WithSummary("Switch an alert config off (its active alert resolves) or on (evaluated at once).");
    }

    /// <summary>A command on the config's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync<T>(
        long id, HttpContext context, IClusterClient cluster, Func<IAlertConfigGrain, string, long, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        Problems.From(await change(cluster.GetGrain<IAlertConfigGrain>(id), context.Scope().Subject, context.Scope().OrganizationId), onOk);

    private static IResult NotFound(long id) => Problems.NotFound($"no alert config {id}");
}
