using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// A system whose deliveries may reach receivers on 127.0.0.1, with a short retry schedule (1 s, 2 s, 1 s, 1 s: five
/// attempts) so retries are observable in seconds.
/// </summary>
public class NotificationSystem : TaskEngineSystem
{
    protected virtual IReadOnlyDictionary<string, string> NotificationSettings => new Dictionary<string, string>
    {
        ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
        ["NOTIFICATION_RETRY_SCHEDULE"] = "1s,2s,1s,1s",
    };

    protected override IReadOnlyDictionary<string, string> SiloSettings =>
        base.SiloSettings.Concat(NotificationSettings).ToDictionary(pair => pair.Key, pair => pair.Value);
}

/// <summary>The default network rule: private addresses are refused.</summary>
public sealed class GuardedNotificationSystem : NotificationSystem
{
    protected override IReadOnlyDictionary<string, string> NotificationSettings => new Dictionary<string, string>();
}
