namespace Planekeeper.Grains.Interfaces.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> permits per <see cref="Window"/>.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.rate-limiting.policy")]
public sealed record RateLimitPolicy([property: Id(0)] int PermitLimit, [property: Id(1)] TimeSpan Window);
