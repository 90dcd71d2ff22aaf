using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// One notification rule (key: rule id). Every call names the caller's organization; another organization's rule
/// answers exactly as a missing one (docs/security.md, "Tenancy"). New aliases (<c>…-in-org</c>) since the
/// organization was added.
/// </summary>
[Alias("planekeeper.notifications.rule")]
public interface INotificationRuleGrain : IGrainWithIntegerKey
{
    [Alias("get-in-org")]
    Task<NotificationRuleRecord?> GetAsync(long organizationId);

    [Alias("update-in-org")]
    Task<CommandResult<NotificationRuleRecord>> UpdateAsync(string actor, long organizationId, NotificationRuleRequest request);

    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId);

    [Alias("toggle-in-org")]
    Task<CommandResult<NotificationRuleRecord>> ToggleAsync(string actor, long organizationId);
}
