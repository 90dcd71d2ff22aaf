using System.Globalization;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>GitHub's rate-limit headers (X-RateLimit-Limit/-Remaining/-Reset) and the failures of a used-up quota.</summary>
internal static class GitHubRateLimit
{
    public static RateLimitStatus? Read(IReadOnlyDictionary<string, string> headers) =>
        Number(headers, "X-RateLimit-Limit") is { } limit && Number(headers, "X-RateLimit-Remaining") is { } remaining && Number(headers, "X-RateLimit-Reset") is { } reset
            ? new RateLimitStatus((int)limit, (int)remaining, DateTimeOffset.FromUnixTimeSeconds(reset))
            : null;

    /// <summary>Seconds GitHub asks to wait (its secondary rate limits), from Retry-After.</summary>
    public static TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers) =>
        Number(headers, "Retry-After") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public static TaskFailedException UsedUp(RateLimitStatus quota, GitHubAccount account) => new(
        $"GitHub's API rate limit ({quota.Limit} requests for {(account.IsAnonymous ? "anonymous access" : account.Key)}) is used up; it resets at {quota.ResetsAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"
        + (account.IsAnonymous ? "; set GITHUB_TOKEN or name an https_pat credential for a higher limit" : ""),
        retryable: true,
        retryAfter: quota.ResetsAt);

    public static TaskFailedException SlowDown(DateTimeOffset retryAt) => new(
        $"GitHub asked the agent to slow down (secondary rate limit); try again after {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
        retryable: true,
        retryAfter: retryAt);

    private static long? Number(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
