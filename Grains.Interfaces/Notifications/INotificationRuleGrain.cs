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

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the stored version (docs/api.md, "ETags and If-Match"); null: any.</summary>
    [Alias("update-in-org")]
    Task<CommandResult<NotificationRuleRecord>> UpdateAsync(string actor, long organizationId, NotificationRuleRequest request, ExpectedVersion? expected = null);

    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected = null);

    [Alias("toggle-in-org")]
    Task<CommandResult<NotificationRuleRecord>> ToggleAsync(string actor, long organizationId);
}
