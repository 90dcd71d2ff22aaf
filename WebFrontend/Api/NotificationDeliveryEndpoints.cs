using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Delivery;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/notification-deliveries</c> (list, dead letters, retry) and an alert's deliveries.</summary>
public static class NotificationDeliveryEndpoints
{
    public static void MapNotificationDeliveryEndpoints(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/notification-deliveries").WithTags("Notification deliveries");
        deliveries.MapGet("/", (int? limit, string? cursor, [ValuesOf(typeof(DeliveryStatuses))] string? status, HttpContext context, IClusterClient cluster) => ListAsync(limit, cursor, status, context, cluster))
            .Produces<Page<DeliveryRecord>>().WithSummary("Deliveries newest first; status=pending|in_progress|succeeded|failed|dead (keyset pagination).");
        deliveries.MapGet("/dead", (int? limit, string? cursor, HttpContext context, IClusterClient cluster) => ListAsync(limit, cursor, "dead", context, cluster))
            .WithName("listDeadNotificationDeliveries").Produces<Page<DeliveryRecord>>().WithSummary("Dead deliveries (dead letters), newest first.");
        deliveries.MapPost("/{id:long}/retry", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Deliveries(cluster).RetryAsync(context.Scope().OrganizationId, id), Results.Ok))
            .Produces<DeliveryRecord>().WithSummary("Retry a dead delivery: a fresh schedule, the same idempotency key.");

        api.MapGet("/alerts/{id:long}/deliveries", async (long id, HttpContext context, IClusterClient cluster) =>
            await Deliveries(cluster).OfAlertAsync(context.Scope().OrganizationId, id) is { } items
                ? Results.Ok(new Page<DeliveryRecord>(items, null))
                : Problems.NotFound($"no alert {id}"))
            .WithTags("Alerts")
            .Produces<Page<DeliveryRecord>>().WithSummary("Every delivery of the alert's events, oldest first.");
    }

    private static async Task<IResult> ListAsync(int? limit, string? cursor, string? status, HttpContext context, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor) is not { } page)
        {
            return Paging.Problem(limit);
        }

        if (status is not null && !DeliveryStatuses.All.Contains(status))
        {
            return Problems.Invalid("status", "status must be pending, in_progress, succeeded, failed or dead");
        }

        var result = await Deliveries(cluster).ListAsync(context.Scope().OrganizationId, status, page.Limit, page.After);
        return Results.Ok(result);
    }

    private static IDeliveriesGrain Deliveries(IClusterClient cluster) => cluster.GetGrain<IDeliveriesGrain>(0);
}
