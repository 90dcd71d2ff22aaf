using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// One silo hosted in the test process whose clock the test moves forward, with the standard retry schedule, so the
/// long tiers (hours) of a delivery's retries can be walked through in seconds. Receivers on 127.0.0.1 are allowed.
/// </summary>
public sealed class ClockedNotificationSystem : ClockedSystem
{
    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
    };
}
