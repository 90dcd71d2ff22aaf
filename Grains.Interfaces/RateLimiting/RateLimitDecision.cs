namespace Planekeeper.Grains.Interfaces.RateLimiting;

/// <summary>A permit was taken, or not; then <see cref="RetryAfter"/> says when the window ends.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.rate-limiting.decision")]
public sealed record RateLimitDecision([property: Id(0)] bool Acquired, [property: Id(1)] TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Granted = new(true, TimeSpan.Zero);
}
