using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>One notification channel's definition (key: channel id); secrets are encrypted before they are stored.</summary>
[Alias("planekeeper.notifications.channel")]
public interface INotificationChannelGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<NotificationChannelRecord?> GetAsync();

    [Alias("update")]
    Task<CommandResult<NotificationChannelRecord>> UpdateAsync(string actor, NotificationChannelRequest request);

    /// <summary>Refused (409) while notification rules address the channel, naming them.</summary>
    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    [Alias("toggle")]
    Task<CommandResult<NotificationChannelRecord>> ToggleAsync(string actor);

    /// <summary>Sends a sample event now (not a delivery) and reports what the receiver answered.</summary>
    [Alias("test")]
    Task<ChannelTestResult> TestAsync();

    [Alias("stats")]
    Task<ChannelStats> StatsAsync();
}
