using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.Grains.RateLimiting;

/// <summary>One partition's window, in memory only (docs/security.md, "Request floods and password guessing").</summary>
[GrainType("planekeeper.rate-limiting.partition")]
public sealed class RateLimitGrain(TimeProvider clock) : Grain, IRateLimitGrain
{
    private readonly FixedWindow _window = new();

    public Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy) => Task.FromResult(_window.TryAcquire(policy, clock.GetUtcNow()));
}
