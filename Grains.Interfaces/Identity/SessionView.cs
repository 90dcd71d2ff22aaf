namespace Planekeeper.Grains.Interfaces.Identity;

/// <summary>One of a user's active sessions, as its owner sees it (never the token or its hash).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.identity.session-view")]
public sealed record SessionView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTime CreatedAt,
    [property: Id(2)] DateTime LastSeenAt,
    [property: Id(3)] DateTime ExpiresAt,
    [property: Id(4)] string? UserAgent,
    [property: Id(5)] string? IpAddress,
    [property: Id(6)] bool Current);
