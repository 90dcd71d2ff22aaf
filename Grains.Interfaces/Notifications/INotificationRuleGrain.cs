using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>One notification rule (key: rule id).</summary>
[Alias("planekeeper.notifications.rule")]
public interface INotificationRuleGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<NotificationRuleRecord?> GetAsync();

    [Alias("update")]
    Task<CommandResult<NotificationRuleRecord>> UpdateAsync(string actor, NotificationRuleRequest request);

    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    [Alias("toggle")]
    Task<CommandResult<NotificationRuleRecord>> ToggleAsync(string actor);
}
