namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>A channel's deliveries by outcome, and its last success and last error.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.channel-stats")]
public sealed record ChannelStats(
    [property: Id(0)] long Sent,
    [property: Id(1)] long Failed,
    [property: Id(2)] long Dead,
    [property: Id(3)] long Pending,
    [property: Id(4)] DateTime? LastSuccessAt,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTime? LastErrorAt);
