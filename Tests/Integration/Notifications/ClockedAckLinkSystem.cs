using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// Acknowledge links valid for <see cref="Expiry"/>, on a clock the test moves past it, so a link expires at the
/// moment the test chooses and never while a slow machine is still busy with the test's earlier steps.
/// </summary>
public sealed class ClockedAckLinkSystem : ClockedSystem
{
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(1);

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
        ["NOTIFICATION_ACK_TOKEN_EXPIRY"] = "1h",
    };
}
