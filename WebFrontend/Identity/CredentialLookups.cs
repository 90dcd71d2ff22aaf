using Microsoft.Extensions.Caching.Memory;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// Keeps unknown credentials from costing a grain activation and a database query each (docs/security.md):
/// a credential the cluster refused for good is refused here for <see cref="Remembered"/> without asking again, and
/// while an address is over its request limit only credentials that were valid recently are looked up. Valid
/// credentials are always checked with the cluster, so a revocation still counts from the next request.
/// </summary>
public sealed class CredentialLookups(ClusterRateLimits limits, RefusalMetrics metrics)
{
    public const string FloodingAddressProblem = "too many requests from this address; the credential was not checked";

    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _refused = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly MemoryCache _recentlyValid = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <param name="credentialHash">The credential's SHA-256 (never the credential itself).</param>
    /// <returns>Why the credential is refused without a lookup, or null when it is to be looked up.</returns>
    public string? RefusalWithoutLookup(string credentialHash, HttpContext context)
    {
        if (_refused.TryGetValue(credentialHash, out string? problem))
        {
            metrics.LookupAvoided("refused_before");
            return problem;
        }

        if (!_recentlyValid.TryGetValue(credentialHash, out _) && limits.IsRefused(RequestPartition.ClientAddress(context), out _))
        {
            metrics.LookupAvoided("flooding_address");
            return FloodingAddressProblem;
        }

        return null;
    }

    /// <summary>Counts a credential refused for its shape alone (no cluster call).</summary>
    public void Malformed() => metrics.LookupAvoided("malformed");

    /// <summary>For a credential that can never become valid (unknown, ended, wrong secret, deactivated).</summary>
    public void RefusedForGood(string credentialHash, string problem) => _refused.Set(credentialHash, problem, Entry());

    public void Valid(string credentialHash)
    {
        if (!_recentlyValid.TryGetValue(credentialHash, out _))
        {
            _recentlyValid.Set(credentialHash, true, Entry());
        }
    }

    private static MemoryCacheEntryOptions Entry() => new() { Size = 1, AbsoluteExpirationRelativeToNow = Remembered };
}
