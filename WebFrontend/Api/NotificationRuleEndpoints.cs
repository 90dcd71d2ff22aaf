using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/notification-rules</c>: CRUD, toggle, simulate, stats.</summary>
public static class NotificationRuleEndpoints
{
    public sealed record Simulation(
        [property: ValuesOf(typeof(AlertEventNames))] string? Event, [property: ValuesOf(typeof(SeverityNames))] string? Severity);

    /// <summary>Events the rule matched, and those skipped because it had no channel and there was no default channel.</summary>
    public sealed record RuleStats(long Matched, long Skipped);

    public static void MapNotificationRuleEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/notification-rules").WithTags("Notification rules");
        rules.MapGet("/", async (int? limit, string? cursor, HttpContext context, IClusterClient cluster) =>
        {
            if (Paging.Parse(limit, cursor) is not { } page)
            {
                return Paging.Problem(limit);
            }

            var result = await Directory(cluster).ListAsync(context.Scope().OrganizationId, page.Limit, page.After);
            return Results.Ok(result);
        }).Produces<Page<NotificationRuleRecord>>().WithSummary("The organization's notification rules, by id (keyset pagination).");

        rules.MapPost("/", async (NotificationRuleRequest body, HttpContext context, IClusterClient cluster) =>
        {
            var scope = context.Scope();
            return Problems.From(await Directory(cluster).CreateAsync(scope.Subject, scope.OrganizationId, body),
                rule => Versioned.Tagged(Results.Created($"/api/v1/notification-rules/{rule.Id}", rule), rule.Version));
        }).Produces<NotificationRuleRecord>(StatusCodes.Status201Created).WithSummary("Create a rule: priority (lower first), event_types and severities (empty: all), channel_id (else the default channel).");

        rules.MapPost("/simulate", async (Simulation body, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Directory(cluster).SimulateAsync(context.Scope().OrganizationId, body.Event, body.Severity), Results.Ok))
            .Produces<RoutingSimulation>().WithSummary("Which rules an event of a severity matches, and which channels would receive it.");

        rules.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await Rule(cluster, id).GetAsync(context.Scope().OrganizationId) is { } rule ? Versioned.Ok(rule) : NotFound(id))
            .Produces<NotificationRuleRecord>().WithSummary("One notification rule, with its stats; the version of its definition is the ETag.").WithETag();

        rules.MapGet("/{id:long}/stats", async (long id, HttpContext context, IClusterClient cluster) =>
            await Rule(cluster, id).GetAsync(context.Scope().OrganizationId) is { } rule
                ? Results.Ok(new RuleStats(rule.Matched, rule.Skipped))
                : NotFound(id))
            .Produces<RuleStats>().WithSummary("Events the rule matched, and those skipped because it had no channel and there was no default channel.");

        rules.MapPut("/{id:long}", (long id, NotificationRuleRequest body, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.UpdateAsync(actor, organizationId, body, expected), Versioned.Ok)))
            .Produces<NotificationRuleRecord>().WithSummary("Replace a notification rule.").WithETag();

        rules.MapDelete("/{id:long}", (long id, HttpContext context, IClusterClient cluster) => Versioned.WriteAsync(context, expected =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.DeleteAsync(actor, organizationId, expected), _ => Results.NoContent())))
            .Produces(StatusCodes.Status204NoContent).WithSummary("Delete a notification rule.").WithETag();

        rules.MapPost("/{id:long}/toggle", (long id, HttpContext context, IClusterClient cluster) =>
            ChangeAsync(id, context, cluster, (rule, actor, organizationId) => rule.ToggleAsync(actor, organizationId), Versioned.Ok))
            .Produces<NotificationRuleRecord>().WithSummary("Switch a notification rule off or on.");
    }

    /// <summary>A command on the rule's grain, which checks the organization (docs/security.md, "Tenancy").</summary>
    private static async Task<IResult> ChangeAsync<T>(
        long id, HttpContext context, IClusterClient cluster, Func<INotificationRuleGrain, string, long, Task<CommandResult<T>>> change, Func<T, IResult> onOk) =>
        Problems.From(await change(Rule(cluster, id), context.Scope().Subject, context.Scope().OrganizationId), onOk);

    private static INotificationRuleGrain Rule(IClusterClient cluster, long id) => cluster.GetGrain<INotificationRuleGrain>(id);

    private static INotificationRuleDirectoryGrain Directory(IClusterClient cluster) => cluster.GetGrain<INotificationRuleDirectoryGrain>(0);

    private static IResult NotFound(long id) => Problems.NotFound($"no notification rule {id}");
}
