using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.RateLimiting;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The request limit per API key, user or client address (<c>RATE_LIMIT_MAX_REQUESTS</c> per
/// <c>RATE_LIMIT_WINDOW_SECONDS</c>), and the sign-in throttles in front of password hashing
/// (<c>SIGN_IN_MAX_ATTEMPTS_PER_IP</c> and <c>SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT</c> per <c>SIGN_IN_WINDOW_SECONDS</c>).
/// </summary>
public sealed record RateLimitSettings(RateLimitPolicy Requests, RateLimitPolicy SignInsPerAddress, RateLimitPolicy SignInsPerAccount)
{
    public static RateLimitSettings FromConfiguration(IConfiguration configuration)
    {
        var requestWindow = TimeSpan.FromSeconds(PositiveIntegerSetting.Read(configuration, "RATE_LIMIT_WINDOW_SECONDS", 60));
        var signInWindow = TimeSpan.FromSeconds(PositiveIntegerSetting.Read(configuration, "SIGN_IN_WINDOW_SECONDS", 60));
        return new RateLimitSettings(
            new RateLimitPolicy(PositiveIntegerSetting.Read(configuration, "RATE_LIMIT_MAX_REQUESTS", 100), requestWindow),
            new RateLimitPolicy(PositiveIntegerSetting.Read(configuration, "SIGN_IN_MAX_ATTEMPTS_PER_IP", 20), signInWindow),
            new RateLimitPolicy(PositiveIntegerSetting.Read(configuration, "SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT", 10), signInWindow));
    }
}
