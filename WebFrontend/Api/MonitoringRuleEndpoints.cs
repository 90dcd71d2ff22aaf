using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/monitoring-rules</c>: CRUD, toggle and evaluate.</summary>
public static class MonitoringRuleEndpoints
{
    public static void MapMonitoringRuleEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/monitoring-rules").WithTags("Monitoring rules");
        rules.MapGet("/", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await cluster.GetGrain<IMonitoringRuleDirectoryGrain>(0).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<MonitoringRuleRecord>>().WithSummary("The organization's monitoring rules, by id (keyset pagination).");

        rules.MapPost("/", async (MonitoringRuleRequest body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            var result = await cluster.GetGrain<IMonitoringRuleDirectoryGrain>(0).CreateAsync(scope.Subject, scope.OrganizationId, body);
            return Problems.From(result, rule => Versioned.Tagged(Results.Created($"/api/v1/monitoring-rules/{rule.Id}", rule), rule.Version));
        }).Produces<MonitoringRuleRecord>(StatusCodes.Status201Created).WithSummary("Create a rule: days_behind, majors_behind or minors_behind with thresholds moderate ≤ high ≤ critical.");

        rules.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await cluster.GetGrain<IMonitoringRuleGrain>(id).GetAsync(context.Scope().OrganizationId) is { } rule ? Versioned.Ok(rule) : NotFound(id))
            .Produces<MonitoringRuleRecord>().WithSummary("One monitoring rule; its version is the ETag.").WithETag();

        rules.MapPut("/{id:long}", (long id, MonitoringRuleRequest body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.UpdateAsync(actor, organizationId, body, expected), Versioned.Ok)))
            .Produces<MonitoringRuleRecord>().WithSummary("Replace a rule; the alert configs using it are re-evaluated.").WithETag();

        rules.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.DeleteAsync(actor, organizationId, expected), _ => Results.NoContent())))
            .Produces(StatusCodes.Status204NoContent).WithSummary("Delete a rule; 409 naming the alert configs that still use it.").WithETag();

        rules.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.ToggleAsync(actor, organizationId), Versioned.Ok))
            .Produces<MonitoringRuleRecord>().WithSummary("Switch a rule off (the active alerts of its configs resolve) or on (they are evaluated).");

        rules.MapPost("/{id:long}/evaluate", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.EvaluateAsync(actor, organizationId), outcomes => Results.Ok(new ItemList<ConfigEvaluation>(outcomes))))
            .Produces<ItemList<ConfigEvaluation>>().WithSummary("Re-evaluate every alert config using the rule; answers what each evaluation decided.");
    }

    /// <summary>A command on the rule's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync<T>(
        long id, HttpContext context, IClusterClient cluster, Func<IMonitoringRuleGrain, string, long, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        Problems.From(await change(cluster.GetGrain<IMonitoringRuleGrain>(id), context.Scope().Subject, context.Scope().OrganizationId), onOk);

    private static IResult NotFound(long id) => Problems.NotFound($"no monitoring rule {id}");
}
