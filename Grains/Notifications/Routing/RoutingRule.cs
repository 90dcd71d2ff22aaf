namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>An active notification rule as routing sees it; empty filters match everything.</summary>
public sealed record RoutingRule(long Id, string Name, int Priority, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Severities, long? ChannelId);
