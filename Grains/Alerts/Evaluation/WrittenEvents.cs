using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// The events an alert's write has just made durable (not routed yet), with the routing inputs of the alert's
/// organization read in the same round trip (docs/architecture.md, "Notifications").
/// </summary>
public sealed record WrittenEvents(IReadOnlyList<AlertEvent> Events, RoutingInputs Inputs);
