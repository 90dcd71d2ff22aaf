using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// One notification channel's definition (key: channel id); secrets are encrypted before they are stored. Every call
/// names the caller's organization; another organization's channel answers exactly as a missing one
/// (docs/security.md, "Tenancy"). New aliases (<c>…-in-org</c>) since the organization was added.
/// </summary>
[Alias("planekeeper.notifications.channel")]
public interface INotificationChannelGrain : IGrainWithIntegerKey
{
    [Alias("get-in-org")]
    Task<NotificationChannelRecord?> GetAsync(long organizationId);

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the stored version (docs/api.md, "ETags and If-Match"); null: any.</summary>
    [Alias("update-in-org")]
    Task<CommandResult<NotificationChannelRecord>> UpdateAsync(string actor, long organizationId, NotificationChannelRequest request, ExpectedVersion? expected = null);

    /// <summary>Refused (409) while notification rules address the channel, naming them.</summary>
    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected = null);

    [Alias("toggle-in-org")]
    Task<CommandResult<NotificationChannelRecord>> ToggleAsync(string actor, long organizationId);

    /// <summary>Sends a sample event now (not a delivery) and reports what the receiver answered.</summary>
    [Alias("test-in-org")]
    Task<CommandResult<ChannelTestResult>> TestAsync(long organizationId);

    [Alias("stats-in-org")]
    Task<CommandResult<ChannelStats>> StatsAsync(long organizationId);
}
