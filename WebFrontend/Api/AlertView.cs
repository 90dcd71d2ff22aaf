using System.Text.Json;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Api;

/// <summary>An alert as the API shows it: stored JSON (ack metadata) as JSON, not text.</summary>
public sealed record AlertView(
    long Id, long? AlertConfigId, string ConfigName,
    [property: ValuesOf(typeof(AlertView), nameof(AlertView.Statuses))] string Status,
    [property: ValuesOf(typeof(SeverityNames))] string Severity,
    [property: ValuesOf(typeof(SeverityNames))] string? PreviousSeverity,
    long BehindBy, string DiscoveredVersion, string? LatestVersion, string Reason, bool Acknowledged, DateTime? AcknowledgedAt,
    string? AcknowledgedBy, JsonElement? AckMetadata, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, string? ResolvedBy)
{
    /// <summary>An alert's statuses (<see cref="AlertRecord.Status"/>).</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["active", "resolved"];

    /// <summary>The <c>status</c> filter of <c>GET /alerts</c>: a status, or <c>all</c>.</summary>
    public static IReadOnlyList<string> StatusFilters { get; } = [.. Statuses, "all"];

    public static AlertView Of(AlertRecord alert) => new(
        alert.Id, alert.AlertConfigId, alert.ConfigName, alert.Status, alert.Severity, alert.PreviousSeverity, alert.BehindBy,
        alert.DiscoveredVersion, alert.LatestVersion, alert.Reason, alert.Acknowledged, alert.AcknowledgedAt, alert.AcknowledgedBy,
        Json(alert.AckMetadata), alert.CreatedAt, alert.UpdatedAt, alert.ResolvedAt, alert.ResolvedBy);

    public static AlertActionView Of(AlertActionRecord action) => new(
        action.Id, action.AlertId, action.Action, action.Event, action.Actor, action.Severity, action.PreviousSeverity,
        Json(action.Details), action.CreatedAt);

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}

/// <summary>One entry of an alert's history: the change, who made it, and the event it emitted (stored details as JSON).</summary>
public sealed record AlertActionView(
    long Id, long AlertId, string Action,
    [property: ValuesOf(typeof(AlertEventNames))] string? Event,
    string Actor,
    [property: ValuesOf(typeof(SeverityNames))] string Severity,
    [property: ValuesOf(typeof(SeverityNames))] string? PreviousSeverity,
    JsonElement? Details, DateTime CreatedAt);
