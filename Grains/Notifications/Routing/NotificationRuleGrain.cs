using Planekeeper.Grains.Access;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>The single owner of one notification rule's definition (its counters move with routing).</summary>
[GrainType("planekeeper.notifications.rule")]
public sealed class NotificationRuleGrain(NotificationRuleStore store, NotificationRuleValidator validator, AuditWriter audit) : Grain, INotificationRuleGrain
{
    private const string ChangedMeanwhile = "the rule was changed at the same time; read it again and retry";

    public async Task<NotificationRuleRecord?> GetAsync(long organizationId) => (await OwnedAsync(organizationId))?.ToRecord();

    public async Task<CommandResult<NotificationRuleRecord>> UpdateAsync(string actor, long organizationId, NotificationRuleRequest request, ExpectedVersion? expected)
    {
        if (await OwnedAsync(organizationId) is not { } row)
        {
            return NotFound<NotificationRuleRecord>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<NotificationRuleRecord>("notification rule");
        }

        var validated = await validator.ValidateAsync(request, row.OrganizationId, row);
        return validated.Status != CommandStatus.Ok
            ? validated.Without<NotificationRuleRecord>()
            : await SavedAsync(await store.UpdateAsync(validated.Value!), actor, "updated");
    }

    public async Task<CommandResult<NotificationRuleRecord>> ToggleAsync(string actor, long organizationId)
    {
        if (await OwnedAsync(organizationId) is not { } row)
        {
            return NotFound<NotificationRuleRecord>();
        }

        row.Active = !row.Active;
        return await SavedAsync(await store.UpdateAsync(row), actor, "toggled");
    }

    public async Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected)
    {
        if (await OwnedAsync(organizationId) is not { } row)
        {
            return NotFound<bool>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<bool>("notification rule");
        }

        if (!await store.DeleteAsync(row))
        {
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(row.OrganizationId, actor, "notification_rule.deleted", Target));
        return CommandResult<bool>.Ok(true);
    }

    private async Task<CommandResult<NotificationRuleRecord>> SavedAsync(NotificationRuleRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            return CommandResult<NotificationRuleRecord>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"notification_rule.{change}", Target));
        return CommandResult<NotificationRuleRecord>.Ok(saved.ToRecord());
    }

    /// <summary>The rule, read afresh (its counters move with routing), when it belongs to the organization.</summary>
    private async Task<NotificationRuleRow?> OwnedAsync(long organizationId) => (await store.GetAsync(this.GetPrimaryKeyLong())).OwnedBy(organizationId);

    private string Target => $"notification_rule:{this.GetPrimaryKeyLong()}";

    private CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound($"no notification rule {this.GetPrimaryKeyLong()}");
}
