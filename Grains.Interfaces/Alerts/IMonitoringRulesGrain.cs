using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Creating and listing an organization's monitoring rules. Stateless.</summary>
[Alias("planekeeper.alerts.rules")]
public interface IMonitoringRulesGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<MonitoringRuleRecord>> CreateAsync(string actor, long organizationId, MonitoringRuleRequest request);

    [Alias("list")]
    Task<Page<MonitoringRuleRecord>> ListAsync(long organizationId, int limit, long? after);
}
