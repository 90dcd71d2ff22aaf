using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Creating, listing and validating an organization's channels. Stateless.</summary>
[Alias("planekeeper.notifications.channels")]
public interface INotificationChannelDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<NotificationChannelRecord>> CreateAsync(string actor, long organizationId, NotificationChannelRequest request);

    [Alias("list")]
    Task<Page<NotificationChannelRecord>> ListAsync(long organizationId, int limit, long? after);

    /// <summary>Checks a channel request as create would, without saving anything.</summary>
    [Alias("validate")]
    Task<CommandResult<bool>> ValidateAsync(NotificationChannelRequest request);
}
