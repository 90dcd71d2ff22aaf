using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The throttles in front of password hashing (sign-in and sign-up): per client address and per account, counted in
/// the cluster. A client that carries the account's known-client cookie has its own per-account budget, so a
/// stranger's flood of attempts on the account does not use up the owner's (docs/security.md).
/// </summary>
public sealed class SignInThrottle(ClusterRateLimits limits, RateLimitSettings settings, RefusalMetrics metrics)
{
    /// <returns>Null when the attempt may go on, otherwise the 429 to answer.</returns>
    public async Task<IResult?> RefusalAsync(HttpContext context, string email, string? knownClientToken)
    {
        var address = await limits.TryAcquireAsync($"sign-in:{RequestPartition.ClientAddress(context)}", settings.SignInsPerAddress);
        if (!address.Acquired)
        {
            metrics.Refused("sign_in_address");
            return Problems.TooManyRequests("too many sign-in attempts from this address; try again later", address.RetryAfter);
        }

        var account = await limits.TryAcquireAsync(AccountPartition(email, knownClientToken), settings.SignInsPerAccount);
        if (!account.Acquired)
        {
            metrics.Refused("sign_in_account");
            return Problems.TooManyRequests("too many sign-in attempts for this account; try again later", account.RetryAfter);
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
