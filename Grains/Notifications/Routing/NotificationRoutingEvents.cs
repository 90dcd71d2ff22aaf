using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>The alert events notifications carry (every one <see cref="AlertEventNames"/> lists).</summary>
public static class NotificationRoutingEvents
{
    public static IReadOnlyList<string> All => AlertEventNames.All;

    public static bool IsEvent(string name) => All.Contains(name);
}
