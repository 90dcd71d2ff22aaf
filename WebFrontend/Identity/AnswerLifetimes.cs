namespace Planekeeper.WebFrontend.Identity;

/// <summary>How long this frontend uses what the cluster answered about an API key or a suspension (docs/security.md, "Verified API keys").</summary>
public static class AnswerLifetimes
{
    /// <summary>
    /// The revocation latency: an answer is used this long after it was asked for, and longer only while the access
    /// change feed has been read within this long.
    /// </summary>
    public static readonly TimeSpan Unconfirmed = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest an answer is used while the feed confirms it; then it is asked for again, which also records an API
    /// key's last use (so that is at most this old while the key is in use).
    /// </summary>
    public static readonly TimeSpan Confirmed = TimeSpan.FromMinutes(5);
}
