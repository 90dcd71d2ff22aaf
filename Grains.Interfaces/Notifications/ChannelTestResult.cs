namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>What a test send got back: the status code and the first 2 KB of the answer, or the error.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.channel-test")]
public sealed record ChannelTestResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? Error);
