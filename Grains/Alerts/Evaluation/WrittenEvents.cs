using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// The events an alert's write has just made durable (docs/architecture.md, "From a job completion to an alert"):
/// either routed by that write — <see cref="RoutedChannels"/> are the channels that got deliveries — or not yet, with
/// the routing inputs of the alert's organization read in the same round trip.
/// </summary>
public sealed record WrittenEvents(IReadOnlyList<AlertEvent> Events, RoutingInputs Inputs, IReadOnlyList<long>? RoutedChannels);
