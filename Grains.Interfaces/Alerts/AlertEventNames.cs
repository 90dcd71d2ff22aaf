namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// The events an alert's lifecycle emits, as the API and notification rules spell them (docs/notifications.md), in
/// lifecycle order; the frontend's pages offer these.
/// </summary>
public static class AlertEventNames
{
    public const string Created = "alert.created";
    public const string Escalated = "alert.escalated";
    public const string Acknowledged = "alert.acknowledged";
    public const string Unacknowledged = "alert.unacknowledged";
    public const string Resolved = "alert.resolved";

    public static IReadOnlyList<string> All { get; } = [Created, Escalated, Acknowledged, Unacknowledged, Resolved];
}
