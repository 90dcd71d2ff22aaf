namespace Planekeeper.Grains.Interfaces.RateLimiting;

/// <summary>
/// The request count of one partition (an API key, a user, a client address, a sign-in target) for the whole
/// cluster, so every frontend draws from the same budget. Soft state: a silo's loss forgets its windows.
/// </summary>
[Alias("planekeeper.rate-limiting.partition")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes one permit of the current window, if any is left.</summary>
    [Alias("try-acquire")]
    Task<RateLimitDecision> TryAcquireAsync(RateLimitPolicy policy);
}
