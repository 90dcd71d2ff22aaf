using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>The alert events notifications carry.</summary>
public static class NotificationRoutingEvents
{
    public static IReadOnlyList<string> All { get; } =
        [AlertEvents.Created, AlertEvents.Escalated, AlertEvents.Acknowledged, AlertEvents.Unacknowledged, AlertEvents.Resolved];

    public static bool IsEvent(string name) => All.Contains(name);
}
