using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.MonitoringRules;

[StatelessWorker]
[GrainType("planekeeper.alerts.rules")]
public sealed class MonitoringRulesGrain(MonitoringRuleStore store, AuditWriter audit) : Grain, IMonitoringRulesGrain
{
    public async Task<CommandResult<MonitoringRuleRecord>> CreateAsync(string actor, long organizationId, MonitoringRuleRequest request)
    {
        var validated = MonitoringRuleValidator.Validate(request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<MonitoringRuleRecord>();
        }

        var row = await store.InsertAsync(organizationId, validated.Value!);
        await audit.WriteAsync(new AuditEntry(organizationId, actor, "monitoring_rule.created", $"monitoring_rule:{row.Id}"));
        return CommandResult<MonitoringRuleRecord>.Ok(row.ToRecord());
    }

    public async Task<Page<MonitoringRuleRecord>> ListAsync(long organizationId, int limit, long? after)
    {
        var rows = await store.ListAsync(organizationId, limit + 1, after);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
        return new Page<MonitoringRuleRecord>(rows.Take(limit).Select(row => row.ToRecord()).ToList(), next);
    }
}
