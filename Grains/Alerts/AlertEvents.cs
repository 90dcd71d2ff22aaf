using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>
/// The events an alert's lifecycle emits to the notification router (docs/rules-and-alerts.md, "Lifecycle and events"),
/// spelled as <see cref="AlertEventNames"/> (shared with the frontend).
/// </summary>
public static class AlertEvents
{
    public const string Created = AlertEventNames.Created;
    public const string Escalated = AlertEventNames.Escalated;
    public const string Acknowledged = AlertEventNames.Acknowledged;
    public const string Unacknowledged = AlertEventNames.Unacknowledged;
    public const string Resolved = AlertEventNames.Resolved;
}
