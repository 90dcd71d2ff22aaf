namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Which rules an event of a severity matches, in order, and the channels that would receive it.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.simulation")]
public sealed record RoutingSimulation(
    [property: Id(0)] IReadOnlyList<SimulatedMatch> Rules,
    [property: Id(1)] IReadOnlyList<long> ChannelIds);

/// <summary>A matching rule and the channel it addresses (null: skipped, no channel and no default).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.simulated-match")]
public sealed record SimulatedMatch([property: Id(0)] long RuleId, [property: Id(1)] string Name, [property: Id(2)] long? ChannelId, [property: Id(3)] bool Skipped);
