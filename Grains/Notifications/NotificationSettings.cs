namespace Planekeeper.Grains.Notifications;

/// <summary>
/// <c>NOTIFICATION_BASE_URL</c> (where acknowledge links point), <c>NOTIFICATION_ACK_TOKEN_EXPIRY</c> (24 h) and the
/// retry schedule after failed attempts (docs/notifications.md, "Delivery statuses and retries";
/// <c>NOTIFICATION_RETRY_SCHEDULE</c> overrides it, for tests).
/// </summary>
public sealed record NotificationSettings(string BaseUrl, TimeSpan AckTokenExpiry, IReadOnlyList<TimeSpan> RetrySchedule)
{
    /// <summary>10 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 4 h, 4 h: 12 attempts in all, then dead (≈16 h).</summary>
    public static IReadOnlyList<TimeSpan> StandardRetrySchedule { get; } =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(4), TimeSpan.FromHours(4),
    ];

    public static NotificationSettings Default { get; } = new("http://localhost:8080", TimeSpan.FromHours(24), StandardRetrySchedule);

    /// <summary>Attempts in all before a delivery is dead.</summary>
    public int MaxAttempts => RetrySchedule.Count + 1;
}
