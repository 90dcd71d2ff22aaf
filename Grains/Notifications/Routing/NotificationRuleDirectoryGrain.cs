using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Routing;

[StatelessWorker]
[GrainType("planekeeper.notifications.rules")]
public sealed class NotificationRuleDirectoryGrain(NotificationRuleStore store, NotificationRuleValidator validator, AuditWriter audit) : Grain, INotificationRuleDirectoryGrain
{
    public async Task<CommandResult<NotificationRuleRecord>> CreateAsync(string actor, long organizationId, NotificationRuleRequest request)
    {
        var validated = await validator.ValidateAsync(request, organizationId, null);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<NotificationRuleRecord>();
        }

        var row = await store.InsertAsync(validated.Value!);
        await audit.WriteAsync(new AuditEntry(organizationId, actor, "notification_rule.created", $"notification_rule:{row.Id}"));
        return CommandResult<NotificationRuleRecord>.Ok(row.ToRecord());
    }

    public Task<Page<NotificationRuleRecord>> ListAsync(long organizationId, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, count, after), row => row.Id, row => row.ToRecord());

    public async Task<CommandResult<RoutingSimulation>> SimulateAsync(long organizationId, string? eventName, string? severity)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (eventName is null || !NotificationRuleValidator.EventNames.Contains(eventName))
        {
            errors["event"] = [$"event must be one of {string.Join(", ", NotificationRuleValidator.EventNames)}"];
        }

        if (severity is null || !SeverityNames.All.Contains(severity))
        {
            errors["severity"] = [$"severity must be one of {string.Join(", ", SeverityNames.All)}"];
        }

        if (errors.Count > 0)
        {
            return CommandResult<RoutingSimulation>.Invalid(errors);
        }

        var rules = (await store.ActiveAsync(organizationId)).Select(r => new RoutingRule(r.Id, r.Name, r.Priority, r.EventTypes, r.Severities, r.ChannelId));
        var decision = NotificationRouting.Route(eventName!, severity!, rules, await store.DefaultChannelAsync(organizationId));
        return CommandResult<RoutingSimulation>.Ok(new RoutingSimulation(
            decision.Matches.Select(m => new SimulatedMatch(m.RuleId, m.RuleName, m.ChannelId, m.Skipped)).ToList(), decision.ChannelIds));
    }
}
