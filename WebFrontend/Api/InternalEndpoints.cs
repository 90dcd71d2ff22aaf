using Microsoft.AspNetCore.Mvc;
using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>The internal API for global admins: account approval, stuck-job reset, server agent keys.</summary>
public static class InternalEndpoints
{
    public static void MapInternalEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/internal/users").WithTags("Internal");
        users.MapGet("/", ListAsync).WithSummary("Every account; ?status=pending for those waiting for approval.");
        users.MapPost("/{userId:long}/approve", ApproveAsync).WithSummary("Let an account use the product.");
        api.MapPost("/internal/jobs/reset-stuck", ResetStuckAsync).WithTags("Internal")
            .WithSummary("Queue again every job in progress for longer than older_than (e.g. 5m, default 1h), in every organization.");
        api.MapGet("/internal/upstreams", async (IClusterClient cluster) =>
                Results.Ok(new { items = await cluster.GetGrain<IUpstreamDirectoryGrain>(0).ListAsync(), next_cursor = (string?)null }))
            .WithTags("Internal")
            .WithSummary("The shared upstream cache: each public upstream, when a server agent last fetched it, requests made and saved.");
        api.MapPost("/internal/alerts/purge", async (IClusterClient cluster) =>
                Results.Ok(new { purged = await cluster.GetGrain<IAlertRetentionGrain>(0).PurgeAsync() }))
            .WithTags("Internal")
            .WithSummary("Purge resolved alerts older than ALERT_RETENTION_DAYS now (the silo does it daily).");
        api.MapPost("/internal/alerts/reconcile", async (IClusterClient cluster) =>
                Results.Ok(new { evaluated = await cluster.GetGrain<IAlertReconciliationGrain>(0).RunAsync() }))
            .WithTags("Internal")
            .WithSummary("Run the alert reconciliation pass now (the silo runs it every ALERT_RECONCILE_INTERVAL).");
        api.MapPost("/internal/notifications/cleanup", async (IClusterClient cluster) =>
                Results.Ok(new { deleted = await cluster.GetGrain<IDeliveryRecoveryGrain>(0).CleanupAsync() }))
            .WithTags("Internal")
            .WithSummary("Delete succeeded deliveries older than 30 days now (the silo does it daily).");
        api.MapGet("/internal/settings", async (IClusterClient cluster) => Results.Ok(await cluster.GetGrain<ISettingsGrain>(0).ListAsync()))
            .WithTags("Internal")
            .WithSummary("The global settings (organization 0), the fallback of every organization's.");
        api.MapPut("/internal/settings/{key}", async (string key, NotificationTemplateEndpoints.SettingBody body, HttpContext context, IClusterClient cluster) =>
                Problems.From(await cluster.GetGrain<ISettingsGrain>(0).SetAsync(context.Identity().Subject!, key, body.Value), Results.Ok))
            .WithTags("Internal")
            .WithSummary("Set a global setting, e.g. notification_template.<type>.<category>; an empty value clears it.");
        api.MapServerAgentKeyEndpoints();
        api.MapEarlyAccessEndpoints();
    }

    private static async Task<IResult> ResetStuckAsync([FromQuery(Name = "older_than")] string? olderThan, IClusterClient cluster)
    {
        var threshold = TimeSpan.FromHours(1);
        if (olderThan is not null && !Duration.TryParse(olderThan, out threshold))
        {
            return Problems.Invalid("older_than", $"older_than must be {Duration.ExpectedForm}");
        }

        return Results.Ok(new { reset = await cluster.GetGrain<ITaskMaintenanceGrain>(0).ResetStuckAsync(threshold), older_than_seconds = (long)threshold.TotalSeconds });
    }

    private static async Task<IResult> ListAsync(string? status, IClusterClient cluster)
    {
        if (status is not (null or "pending" or "all"))
        {
            return Problems.Invalid("status", "status must be pending or all");
        }

        var users = await cluster.GetGrain<IAccountsGrain>(0).ListUsersAsync(status == "pending");
        return Results.Ok(new { items = users.Select(UserView.From), next_cursor = (string?)null });
    }

    private static async Task<IResult> ApproveAsync(long userId, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IUserGrain>(userId).SetApprovedAsync(context.Identity().Subject!, true) is { } user
            ? Results.Ok(UserView.From(user))
            : Problems.NotFound($"no user {userId}");
}
