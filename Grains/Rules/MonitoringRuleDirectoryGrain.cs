using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Rules;

[StatelessWorker]
[GrainType("planekeeper.alerts.rules")]
public sealed class MonitoringRuleDirectoryGrain(MonitoringRuleStore store, AuditWriter audit) : Grain, IMonitoringRuleDirectoryGrain
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

    public Task<Page<MonitoringRuleRecord>> ListAsync(long organizationId, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, count, after), row => row.Id, row => row.ToRecord());
}
