using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Creating and listing an organization's notification rules, and simulating routing. Stateless.</summary>
[Alias("planekeeper.notifications.rules")]
public interface INotificationRuleDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<NotificationRuleRecord>> CreateAsync(string actor, long organizationId, NotificationRuleRequest request);

    [Alias("list")]
    Task<Page<NotificationRuleRecord>> ListAsync(long organizationId, int limit, long? after);

    [Alias("simulate")]
    Task<CommandResult<RoutingSimulation>> SimulateAsync(long organizationId, string? eventName, string? severity);
}
