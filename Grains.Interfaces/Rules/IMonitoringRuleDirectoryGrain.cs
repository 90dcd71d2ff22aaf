using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Rules;

/// <summary>Creating and listing an organization's monitoring rules. Stateless.</summary>
[Alias("planekeeper.alerts.rules")]
public interface IMonitoringRuleDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<MonitoringRuleRecord>> CreateAsync(string actor, long organizationId, MonitoringRuleRequest request);

    [Alias("list")]
    Task<Page<MonitoringRuleRecord>> ListAsync(long organizationId, int limit, long? after);
}
