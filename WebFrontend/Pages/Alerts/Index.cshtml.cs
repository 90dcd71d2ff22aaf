using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Pages.Alerts;

/// <summary>
/// <c>/alerts</c>: the organization's alerts, newest first, filtered by status, severity and acknowledgment (the grain call
/// of <c>GET /api/v1/alerts</c>), with bulk acknowledgment of the ticked ones (<c>POST /api/v1/alerts/bulk-acknowledge</c>).
/// </summary>
public sealed class AlertListModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;

    public static IReadOnlyList<string> Statuses { get; } = ["active", "resolved", "all"];

    public AlertFilter Filter { get; private set; } = new("active", null, null);

    public Page<AlertRecord> Alerts { get; private set; } = new([], null);

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? status, string? severity, string? acknowledged, string? cursor, int? acknowledgedCount)
    {
        Filter = new AlertFilter(
            Statuses.Contains(status) ? status! : "active",
            SeverityNames.All.Contains(severity) ? severity : null,
            acknowledged switch { "true" => true, "false" => false, _ => null });
        Alerts = await cluster.GetGrain<IAlertsGrain>(0).ListAsync(OrganizationId, Filter, PageSize, long.TryParse(cursor, out var before) ? before : null);
        Notice = acknowledgedCount is { } count ? $"{count} {(count == 1 ? "alert" : "alerts")} acknowledged." : null;
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long[] ids, string? reason, string? ticket)
    {
        if (ids.Length == 0)
        {
            ModelState.AddModelError("ids", "tick the alerts to acknowledge");
        }

        if (AcknowledgmentNote.Json(reason, ticket) is not { } metadata)
        {
            ModelState.AddModelError("reason", AcknowledgmentNote.TooLong);
        }
        else if (ids.Length > 0)
        {
            var result = await cluster.GetGrain<IAlertsGrain>(0).BulkAcknowledgeAsync(Actor, OrganizationId, ids.Take(200).ToList(), metadata);
            return LocalRedirect($"/alerts?acknowledgedCount={result.Acknowledged.Count}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(null, null, null, null, null);
        return Page();
    }
}
