namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// Where an alert's events go once their change is durable (the notification router). Events are rows of
/// <c>alert_actions</c> with an event name; routing must be idempotent, since the reconciliation pass routes again
/// whatever a crash left unrouted.
/// </summary>
public interface IAlertEventRouter
{
    Task RouteAsync(IReadOnlyList<long> eventIds);
}
