using System.Text.Json;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.WebFrontend.Api;

/// <summary>An alert and its history entries as the API shows them: stored JSON (ack metadata, details) as JSON, not text.</summary>
public static class AlertView
{
    public static object Of(AlertRecord alert) => new
    {
        alert.Id, alert.AlertConfigId, alert.ConfigName, alert.Status, alert.Severity, alert.PreviousSeverity, alert.BehindBy,
        alert.DiscoveredVersion, alert.LatestVersion, alert.Reason, alert.Acknowledged, alert.AcknowledgedAt, alert.AcknowledgedBy,
        AckMetadata = Json(alert.AckMetadata), alert.CreatedAt, alert.UpdatedAt, alert.ResolvedAt, alert.ResolvedBy,
    };

    public static object Of(AlertActionRecord action) => new
    {
        action.Id, action.AlertId, action.Action, action.Event, action.Actor, action.Severity, action.PreviousSeverity,
        Details = Json(action.Details), action.CreatedAt,
    };

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
