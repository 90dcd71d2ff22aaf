namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// Where an alert's events go once their change is durable (the notification router). Events are rows of
/// <c>alert_actions</c> with an event name; routing must be idempotent, since the reconciliation pass routes again
/// whatever a crash left unrouted.
/// </summary>
public interface IAlertEventRouter
{
    /// <summary>Routes whichever of these events are still unrouted, reading them and their routing inputs first.</summary>
    Task RouteAsync(IReadOnlyList<long> eventIds);

    /// <summary>
    /// Routes the events an alert's write has just made, with the routing inputs read in that write's round trip, or — when
    /// the write routed them itself — wakes the channels that got deliveries.
    /// </summary>
    Task RouteAsync(WrittenEvents written);
}
