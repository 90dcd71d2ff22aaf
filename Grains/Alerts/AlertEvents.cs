namespace Planekeeper.Grains.Alerts;

/// <summary>
/// The events an alert's lifecycle emits to the notification router (docs/rules-and-alerts.md, "Lifecycle and events").
/// </summary>
public static class AlertEvents
{
    public const string Created = "alert.created";
    public const string Escalated = "alert.escalated";
    public const string Acknowledged = "alert.acknowledged";
    public const string Unacknowledged = "alert.unacknowledged";
    public const string Resolved = "alert.resolved";
}
