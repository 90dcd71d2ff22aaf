using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>One monitoring rule, keyed by its id; every change re-evaluates the alert configs that use it.</summary>
[Alias("planekeeper.alerts.rule")]
public interface IMonitoringRuleGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<MonitoringRuleRecord?> GetAsync();

    [Alias("update")]
    Task<CommandResult<MonitoringRuleRecord>> UpdateAsync(string actor, MonitoringRuleRequest request);

    /// <summary>Refused (409) while alert configs use the rule, naming them.</summary>
    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    /// <summary>Switches the rule on or off; off resolves the active alerts of the configs using it.</summary>
    [Alias("toggle")]
    Task<CommandResult<MonitoringRuleRecord>> ToggleAsync(string actor);

    /// <summary>Re-evaluates every alert config using the rule, and says what each evaluation decided.</summary>
    [Alias("evaluate")]
    Task<CommandResult<IReadOnlyList<ConfigEvaluation>>> EvaluateAsync(string actor);
}
