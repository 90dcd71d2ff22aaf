using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Rules;

/// <summary>
/// One monitoring rule, keyed by its id; every change re-evaluates the alert configs that use it. Every call names the
/// caller's organization; another organization's rule answers exactly as a missing one (docs/security.md, "Tenancy").
/// New aliases (<c>…-in-org</c>) since the organization was added, so an old caller fails cleanly. Update and delete take
/// the versions the caller's <c>If-Match</c> allows (null: any) and answer 412 for another (docs/api.md, "ETags and If-Match").
/// </summary>
[Alias("planekeeper.alerts.rule")]
public interface IMonitoringRuleGrain : IGrainWithIntegerKey
{
    [Alias("get-in-org")]
    Task<MonitoringRuleRecord?> GetAsync(long organizationId);

    [Alias("update-in-org")]
    Task<CommandResult<MonitoringRuleRecord>> UpdateAsync(string actor, long organizationId, MonitoringRuleRequest request, ExpectedVersion? expected = null);

    /// <summary>Refused (409) while alert configs use the rule, naming them.</summary>
    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected = null);

    /// <summary>Switches the rule on or off; off resolves the active alerts of the configs using it.</summary>
    [Alias("toggle-in-org")]
    Task<CommandResult<MonitoringRuleRecord>> ToggleAsync(string actor, long organizationId);

    /// <summary>Re-evaluates every alert config using the rule, and says what each evaluation decided.</summary>
    [Alias("evaluate-in-org")]
    Task<CommandResult<IReadOnlyList<ConfigEvaluation>>> EvaluateAsync(string actor, long organizationId);
}
