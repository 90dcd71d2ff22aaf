using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Api;

/// <summary><c>/alerts</c>: listing and the lifecycle commands a person takes (acknowledge, unacknowledge, resolve).</summary>
public static class AlertEndpoints
{
    public const int MetadataMaxBytes = 4096;
    public const int BulkMaxIds = 200;
    public const int HistoryDefaultDays = 30;
    public const int HistoryMostDays = 90;

    public sealed record Acknowledge(JsonElement? Metadata);

    public sealed record BulkAcknowledge(long[]? Ids, JsonElement? Metadata);

    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync)
            .Produces<Page<AlertView>>().WithSummary("Alerts newest first; status=active (default)|resolved|all, severity, acknowledged (keyset pagination).");
        alerts.MapGet("/summary", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await Alerts(cluster).SummaryAsync(context.Scope().OrganizationId)))
            .Produces<AlertSummary>().WithSummary("Active alerts by severity, acknowledged and not.");
        alerts.MapGet("/history", HistoryAsync)
            .Produces<ItemList<AlertDayCount>>().WithSummary("Alerts raised per day (UTC) by severity over the last `days` days (1–90, default 30), oldest first, every day present.");
        alerts.MapGet("/{id:long}", async (long id, HttpContext context, IClusterClient cluster) =>
            await Alerts(cluster).GetAsync(context.Scope().OrganizationId, id) is { } alert ? Results.Ok(AlertView.Of(alert)) : NotFound(id))
            .Produces<AlertView>().WithSummary("One alert.");
        alerts.MapGet("/{id:long}/actions", async (long id, HttpContext context, IClusterClient cluster) =>
            await Alerts(cluster).ListActionsAsync(context.Scope().OrganizationId, id) is { } actions
                ? Results.Ok(new Page<AlertActionView>([.. actions.Select(AlertView.Of)], null))
                : NotFound(id))
            .Produces<Page<AlertActionView>>().WithSummary("The alert's history: every change, who made it, when, and the event it emitted.");
        alerts.MapPost("/{id:long}/acknowledge", AcknowledgeAsync)
            .Produces<AlertView>().WithSummary("Acknowledge an active alert, optionally with metadata (a JSON object ≤ 4 KB, e.g. reason and ticket).");
        alerts.MapPost("/{id:long}/unacknowledge", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Alerts(cluster).UnacknowledgeAsync(context.Scope().Subject, context.Scope().OrganizationId, id), Ok))
            .Produces<AlertView>().WithSummary("Take back an acknowledgment.");
        alerts.MapPost("/{id:long}/resolve", async (long id, HttpContext context, IClusterClient cluster) =>
            Problems.From(await Alerts(cluster).ResolveAsync(context.Scope().Subject, context.Scope().OrganizationId, id), Ok))
            .Produces<AlertView>().WithSummary("Resolve an active alert by hand; the next evaluation raises a new one if it is still behind.");
        alerts.MapPost("/bulk-acknowledge", BulkAcknowledgeAsync)
            .Produces<BulkAcknowledgement>().WithSummary("Acknowledge up to 200 alerts; answers which were acknowledged and why the others were not.");
    }

    private static async Task<IResult> HistoryAsync(int? days, HttpContext context, IClusterClient cluster) =>
        (days ?? HistoryDefaultDays) is var count and >= 1 and <= HistoryMostDays
            ? Results.Ok(new ItemList<AlertDayCount>(await Alerts(cluster).HistoryAsync(context.Scope().OrganizationId, count)))
            : Problems.Invalid("days", $"days must be between 1 and {HistoryMostDays}");

    private static async Task<IResult> ListAsync(
        int? limit, string? cursor, [ValuesOf(typeof(AlertView), nameof(AlertView.StatusFilters))] string? status,
        [ValuesOf(typeof(SeverityNames))] string? severity, string? acknowledged, HttpContext context, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor) is not { } page)
        {
            return Paging.Problem(limit);
        }

        if (!AlertView.StatusFilters.Contains(status ?? "active"))
        {
            return Problems.Invalid("status", "status must be active, resolved or all");
        }

        if (severity is not null && !SeverityNames.All.Contains(severity))
        {
            return Problems.Invalid("severity", $"severity must be one of {string.Join(", ", SeverityNames.All)}");
        }

        bool? isAcknowledged = acknowledged switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (acknowledged is not null && isAcknowledged is null)
        {
            return Problems.Invalid("acknowledged", "acknowledged must be true or false");
        }

        var filter = new AlertFilter(status ?? "active", severity, isAcknowledged);
        var result = await Alerts(cluster).ListAsync(context.Scope().OrganizationId, filter, page.Limit, page.After);
        return Results.Ok(new Page<AlertView>([.. result.Items.Select(AlertView.Of)], result.NextCursor));
    }

    private static async Task<IResult> AcknowledgeAsync(
        long id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Acknowledge? body, HttpContext context, IClusterClient cluster)
    {
        var (metadata, problem) = MetadataText(body?.Metadata);
        if (problem is not null)
        {
            return problem;
        }

        var scope = context.Scope();
        return Problems.From(await Alerts(cluster).AcknowledgeAsync(scope.Subject, scope.OrganizationId, id, metadata), Ok);
    }

    private static async Task<IResult> BulkAcknowledgeAsync(BulkAcknowledge body, HttpContext context, IClusterClient cluster)
    {
        if (body.Ids is not { Length: > 0 and <= BulkMaxIds } ids)
        {
            return Problems.Invalid("ids", $"ids must list 1 to {BulkMaxIds} alert ids");
        }

        var (metadata, problem) = MetadataText(body.Metadata);
        if (problem is not null)
        {
            return problem;
        }

        var scope = context.Scope();
        return Results.Ok(await Alerts(cluster).BulkAcknowledgeAsync(scope.Subject, scope.OrganizationId, ids, metadata));
    }

    /// <summary>The metadata as JSON text: absent or null is none; otherwise a JSON object of at most 4 KB.</summary>
    private static (string? Text, IResult? Problem) MetadataText(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: not JsonValueKind.Null } value)
        {
            return (null, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.Invalid("metadata", "metadata must be a JSON object, e.g. {\"reason\": \"upgrade planned\", \"ticket\": \"OPS-12\"}"));
        }

        var text = value.GetRawText();
        return Encoding.UTF8.GetByteCount(text) > MetadataMaxBytes
            ? (null, Problems.Invalid("metadata", $"metadata must be at most {MetadataMaxBytes} bytes of JSON"))
            : (text, null);
    }

    private static IResult Ok(AlertRecord alert) => Results.Ok(AlertView.Of(alert));

    private static IAlertsGrain Alerts(IClusterClient cluster) => cluster.GetGrain<IAlertsGrain>(0);

    private static IResult NotFound(long id) => Problems.NotFound($"no alert {id}");
}
