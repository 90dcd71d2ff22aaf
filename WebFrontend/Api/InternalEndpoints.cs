using Microsoft.AspNetCore.Mvc;
using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The internal API for global admins: accounts (approval, global admin, operator lock), stuck jobs (list, reset),
/// server agent keys, organizations and agents (<see cref="InternalOrganizationEndpoints"/>).
/// </summary>
public static class InternalEndpoints
{
    /// <summary>Jobs queued again, and the threshold used.</summary>
    public sealed record StuckJobsReset(int Reset, long OlderThanSeconds);

    /// <summary>The jobs in progress for longer than the threshold (all of them: <see cref="NextCursor"/> is always null).</summary>
    public sealed record StuckJobs(IReadOnlyList<StuckJob> Items, string? NextCursor, long OlderThanSeconds);

    public sealed record PurgedAlerts(int Purged);

    public sealed record ReconciledAlerts(int Evaluated);

    public sealed record DeletedDeliveries(int Deleted);

    /// <summary>The <c>status</c> filter of the account list.</summary>
    public static IReadOnlyList<string> UserStatusFilters { get; } = ["pending", "all"];

    public static void MapInternalEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/internal/users").WithTags("Internal");
        users.MapGet("/", ListAsync).Produces<Page<UserView>>().WithSummary("Every account; ?status=pending for those waiting for approval.");
        users.MapPost("/{userId:long}/approve", ApproveAsync).Produces<UserView>().WithSummary("Let an account use the product.");
        users.MapPost("/{userId:long}/global-admin", (long userId, HttpContext context, IClusterClient cluster) => SetGlobalAdminAsync(userId, true, context, cluster))
            .WithName("internalGrantGlobalAdmin").Produces<UserView>().WithSummary("Make an account a global admin. Idempotent.");
        users.MapDelete("/{userId:long}/global-admin", (long userId, HttpContext context, IClusterClient cluster) => SetGlobalAdminAsync(userId, false, context, cluster))
            .WithName("internalRevokeGlobalAdmin").Produces<UserView>().WithSummary("Take global admin away from an account (yours too); 409 when it is the last global admin whose account is not locked. Idempotent.");
        users.MapPost("/{userId:long}/lock", (long userId, HttpContext context, IClusterClient cluster) => SetLockedAsync(userId, true, context, cluster))
            .Produces<UserView>().WithSummary("Lock an account: every session of it ends now and sign-in answers 403 account_locked_by_operator; 409 for your own. Idempotent.");
        users.MapPost("/{userId:long}/unlock", (long userId, HttpContext context, IClusterClient cluster) => SetLockedAsync(userId, false, context, cluster))
            .Produces<UserView>().WithSummary("Unlock an account: it may sign in again. Idempotent.");
        api.MapPost("/internal/jobs/reset-stuck", ResetStuckAsync).WithTags("Internal")
            .Produces<StuckJobsReset>().WithSummary("Queue again every job in progress for longer than older_than (e.g. 5m, default 1h), in every organization.");
        api.MapGet("/internal/jobs/stuck", ListStuckAsync).WithName("internalListStuckJobs").WithTags("Internal")
            .Produces<StuckJobs>().WithSummary("The jobs reset-stuck would queue again: in progress for longer than older_than (e.g. 5m, default 1h), with organization and agent.");
        api.MapGet("/internal/upstreams", async (IClusterClient cluster) =>
                Results.Ok(new Page<UpstreamRecord>(await cluster.GetGrain<IUpstreamDirectoryGrain>(0).ListAsync(), null)))
            .WithTags("Internal")
            .Produces<Page<UpstreamRecord>>().WithSummary("The shared upstream cache: each public upstream, when a server agent last fetched it, requests made and saved.");
        api.MapPost("/internal/alerts/purge", async (IClusterClient cluster) =>
                Results.Ok(new PurgedAlerts(await cluster.GetGrain<IAlertRetentionGrain>(0).PurgeAsync())))
            .WithTags("Internal")
            .Produces<PurgedAlerts>().WithSummary("Purge resolved alerts older than ALERT_RETENTION_DAYS now (the silo does it daily).");
        api.MapPost("/internal/alerts/reconcile", async (IClusterClient cluster) =>
                Results.Ok(new ReconciledAlerts(await cluster.GetGrain<IAlertReconciliationGrain>(0).RunAsync())))
            .WithTags("Internal")
            .Produces<ReconciledAlerts>().WithSummary("Run the alert reconciliation pass now (the silo runs it every ALERT_RECONCILE_INTERVAL).");
        api.MapPost("/internal/notifications/cleanup", async (IClusterClient cluster) =>
                Results.Ok(new DeletedDeliveries(await cluster.GetGrain<IDeliveryRecoveryGrain>(0).CleanupAsync())))
            .WithTags("Internal")
            .Produces<DeletedDeliveries>().WithSummary("Delete succeeded deliveries older than 30 days now (the silo does it daily).");
        api.MapGet("/internal/settings", async (IClusterClient cluster) => Results.Ok(await cluster.GetGrain<ISettingsGrain>(0).ListAsync()))
            .WithTags("Internal")
            .Produces<IReadOnlyDictionary<string, string>>().WithSummary("The global settings (organization 0), the fallback of every organization's.");
        api.MapPut("/internal/settings/{key}", async (string key, NotificationTemplateEndpoints.SettingBody body, HttpContext context, IClusterClient cluster) =>
                Problems.From(await cluster.GetGrain<ISettingsGrain>(0).SetAsync(context.Identity().Subject!, key, body.Value), Results.Ok))
            .WithTags("Internal")
            .Produces<IReadOnlyDictionary<string, string>>().WithSummary("Set a global setting, e.g. notification_template.<type>.<category>; an empty value clears it.");
        api.MapServerAgentKeyEndpoints();
        api.MapEarlyAccessEndpoints();
        api.MapInternalOrganizationEndpoints();
    }

    private static async Task<IResult> ResetStuckAsync([FromQuery(Name = "older_than")] string? olderThan, IClusterClient cluster) =>
        TryParseOlderThan(olderThan, out var threshold, out var problem)
            ? Results.Ok(new StuckJobsReset(await cluster.GetGrain<ITaskMaintenanceGrain>(0).ResetStuckAsync(threshold), (long)threshold.TotalSeconds))
            : problem;

    private static async Task<IResult> ListStuckAsync([FromQuery(Name = "older_than")] string? olderThan, IClusterClient cluster) =>
        TryParseOlderThan(olderThan, out var threshold, out var problem)
            ? Results.Ok(new StuckJobs(await cluster.GetGrain<ITaskMaintenanceGrain>(0).ListStuckAsync(threshold), null, (long)threshold.TotalSeconds))
            : problem;

    /// <summary>older_than as reset-stuck and the stuck list read it: a duration, one hour when absent.</summary>
    private static bool TryParseOlderThan(string? olderThan, out TimeSpan threshold, out IResult problem)
    {
        threshold = TimeSpan.FromHours(1);
        problem = Results.Empty;
        if (olderThan is not null && !Duration.TryParse(olderThan, out threshold))
        {
            problem = Problems.Invalid("older_than", $"older_than must be {Duration.ExpectedForm}");
            return false;
        }

        return true;
    }

    private static async Task<IResult> SetGlobalAdminAsync(long userId, bool globalAdmin, HttpContext context, IClusterClient cluster) =>
        Problems.From(await cluster.GetGrain<IUserGrain>(userId).SetGlobalAdminAsync(context.Identity().Subject!, globalAdmin), user => Results.Ok(UserView.From(user)));

    private static async Task<IResult> SetLockedAsync(long userId, bool locked, HttpContext context, IClusterClient cluster) =>
        Problems.From(await cluster.GetGrain<IUserGrain>(userId).SetLockedAsync(context.Identity().Subject!, locked), user => Results.Ok(UserView.From(user)));

    private static async Task<IResult> ListAsync([ValuesOf(typeof(InternalEndpoints), nameof(UserStatusFilters))] string? status, IClusterClient cluster)
    {
        if (status is not null && !UserStatusFilters.Contains(status))
        {
            return Problems.Invalid("status", "status must be pending or all");
        }

        var users = await cluster.GetGrain<IAccountsGrain>(0).ListUsersAsync(status == "pending");
        return Results.Ok(new Page<UserView>([.. users.Select(UserView.From)], null));
    }

    private static async Task<IResult> ApproveAsync(long userId, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IUserGrain>(userId).SetApprovedAsync(context.Identity().Subject!, true) is { } user
            ? Results.Ok(UserView.From(user))
            : Problems.NotFound($"no user {userId}");
}
