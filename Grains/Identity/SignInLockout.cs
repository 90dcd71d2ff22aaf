namespace Planekeeper.Grains.Identity;

/// <summary>
/// Brute-force protection for one account: after <see cref="FreeAttempts"/> consecutive wrong passwords the
/// account is locked for 30 s, doubling with every further failure up to 15 minutes. A correct password
/// (outside a lock) resets the count, and so does a quiet <see cref="DecayAfter"/> after a lock has ended: a
/// sender who keeps guessing slowly starts from the first short lock again instead of keeping the longest one.
/// The lock holds only for unknown clients (docs/security.md, "Request floods and password guessing").
/// </summary>
public static class SignInLockout
{
    public const int FreeAttempts = 5;

    public static readonly TimeSpan DecayAfter = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);

    /// <returns>When the account unlocks after this many consecutive failures, or null if it stays open.</returns>
    public static DateTime? LockedUntil(int consecutiveFailures, DateTime now)
    {
        if (consecutiveFailures < FreeAttempts)
        {
            return null;
        }

        var doublings = Math.Min(consecutiveFailures - FreeAttempts, 10);
        var duration = TimeSpan.FromTicks(Math.Min(FirstLock.Ticks << doublings, LongestLock.Ticks));
        return now + duration;
    }

    /// <returns>The failures that still count at <paramref name="now"/>: none once a lock ended <see cref="DecayAfter"/> ago.</returns>
    public static int FailuresStillCounting(int recordedFailures, DateTime? lockedUntil, DateTime now) =>
        lockedUntil is { } until && now - until >= DecayAfter ? 0 : recordedFailures;
}
