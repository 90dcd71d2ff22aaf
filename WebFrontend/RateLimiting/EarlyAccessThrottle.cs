using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The per-client-address limit on early-access requests (<c>EARLY_ACCESS_MAX_REQUESTS_PER_IP</c> per
/// <c>EARLY_ACCESS_WINDOW_SECONDS</c>, docs/configuration.md), counted in the cluster like the sign-in throttle.
/// </summary>
public sealed class EarlyAccessThrottle(ClusterRateLimits limits, RateLimitPolicy policy, RefusalMetrics metrics)
{
    public static RateLimitPolicy PolicyFrom(IConfiguration configuration) => new(
        PositiveIntegerSetting.Read(configuration, "EARLY_ACCESS_MAX_REQUESTS_PER_IP", 5),
        TimeSpan.FromSeconds(PositiveIntegerSetting.Read(configuration, "EARLY_ACCESS_WINDOW_SECONDS", 3600)));

    /// <returns>Null when the request may go on, otherwise the refusal (answered as 429 with <c>Retry-After</c>).</returns>
    public async Task<ThrottleRefusal?> RefusalAsync(HttpContext context)
    {
        var address = await limits.TryAcquireAsync($"early-access:{RequestPartition.ClientAddress(context)}", policy);
        if (address.Acquired)
        {
            return null;
        }

        metrics.Refused("early_access_address");
        return new ThrottleRefusal("too many early-access requests from this address; try again later", address.RetryAfter);
    }
}
