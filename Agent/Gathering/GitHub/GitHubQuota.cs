using System.Collections.Concurrent;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>
/// Remembers, per account, a quota GitHub reported used up, so the gathers before its reset fail at once instead
/// of spending requests on answers that can only be 403.
/// </summary>
internal sealed class GitHubQuota
{
    private readonly ConcurrentDictionary<string, RateLimitStatus> _usedUp = new();

    public void Record(GitHubAccount account, RateLimitStatus? quota)
    {
        if (quota is { Remaining: 0 })
        {
            _usedUp[account.Key] = quota;
        }
        else if (quota is not null)
        {
            _usedUp.TryRemove(account.Key, out _);
        }
    }

    /// <exception cref="Work.TaskFailedException">The account's quota is used up until a reset still ahead (retryable then).</exception>
    public void EnsureAvailable(GitHubAccount account)
    {
        if (_usedUp.TryGetValue(account.Key, out var quota) && quota.ResetsAt > DateTimeOffset.UtcNow)
        {
            throw GitHubRateLimit.UsedUp(quota, account);
        }
    }
}
