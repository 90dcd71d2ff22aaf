using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The throttles in front of password hashing (sign-in and sign-up): per client address and per account, counted in
/// the cluster. A client that carries the account's known-client cookie has its own per-account budget, so a
/// stranger's flood of attempts on the account does not use up the owner's (docs/security.md).
/// </summary>
public sealed class SignInThrottle(ClusterRateLimits limits, RateLimitSettings settings, RefusalMetrics metrics)
{
    /// <returns>Null when the attempt may go on, otherwise why not and for how long (answered as 429).</returns>
    public async Task<ThrottleRefusal?> RefusalAsync(HttpContext context, string email, string? knownClientToken)
    {
        var address = await limits.TryAcquireAsync($"sign-in:{RequestPartition.ClientAddress(context)}", settings.SignInsPerAddress);
        if (!address.Acquired)
        {
            metrics.Refused("sign_in_address");
            return new ThrottleRefusal("too many sign-in attempts from this address; try again later", address.RetryAfter);
        }

        var account = await limits.TryAcquireAsync(AccountPartition(email, knownClientToken), settings.SignInsPerAccount);
        if (!account.Acquired)
        {
            metrics.Refused("sign_in_account");
            return new ThrottleRefusal("too many sign-in attempts for this account; try again later", account.RetryAfter);
        }

        return null;
    }

    /// <summary>Hashed, so an address of any length (or a token) never becomes part of a grain id or a log line.</summary>
    private static string AccountPartition(string email, string? knownClientToken)
    {
        var target = email.Trim().ToLowerInvariant() + (string.IsNullOrEmpty(knownClientToken) ? "" : "\n" + knownClientToken);
        return $"sign-in:account:{SecretToken.HashHex(target)}";
    }
}

/// <summary>A sign-in or sign-up attempt held back before any password was hashed: why, and when to try again.</summary>
public sealed record ThrottleRefusal(string Detail, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds, at least 1 (the <c>Retry-After</c> value).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
