using Planekeeper.Grains.Access;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.Grains.Rules;

/// <summary>The single owner of one monitoring rule's row; after every change the configs using the rule are re-evaluated.</summary>
[GrainType("planekeeper.alerts.rule")]
public sealed class MonitoringRuleGrain(MonitoringRuleStore store, AlertConfigReferences alertConfigs, AuditWriter audit) : Grain, IMonitoringRuleGrain
{
    private const string ChangedMeanwhile = "the rule was changed at the same time; read it again and retry";

    private MonitoringRuleRow? _row;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _row = await store.GetAsync(this.GetPrimaryKeyLong());

    public Task<MonitoringRuleRecord?> GetAsync(long organizationId) => Task.FromResult(_row.OwnedBy(organizationId)?.ToRecord());

    public async Task<CommandResult<MonitoringRuleRecord>> UpdateAsync(string actor, long organizationId, MonitoringRuleRequest request, ExpectedVersion? expected)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<MonitoringRuleRecord>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<MonitoringRuleRecord>("monitoring rule");
        }

        var validated = MonitoringRuleValidator.Validate(request);
        return validated.Status != CommandStatus.Ok
            ? validated.Without<MonitoringRuleRecord>()
            : await SavedAsync(await store.UpdateAsync(row, validated.Value!), actor, "updated");
    }

    public async Task<CommandResult<MonitoringRuleRecord>> ToggleAsync(string actor, long organizationId) =>
        _row.OwnedBy(organizationId) is not { } row
            ? NotFound<MonitoringRuleRecord>()
            : await SavedAsync(await store.SetActiveAsync(row, !row.Active), actor, "toggled");

    public async Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<bool>();
        }

        if (!ExpectedVersion.Holds(expected, row.Version))
        {
            return StaleVersion.Refused<bool>("monitoring rule");
        }

        if (await alertConfigs.NamesAsync("rule_id", row.Id) is { Count: > 0 } users)
        {
            return CommandResult<bool>.Conflict($"the monitoring rule is used by alert config(s) {string.Join(", ", users)}: delete or change them first");
        }

        if (!await store.DeleteAsync(row))
        {
            _row = await store.GetAsync(row.Id);
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(row.OrganizationId, actor, "monitoring_rule.deleted", Target));
        _row = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    public async Task<CommandResult<IReadOnlyList<ConfigEvaluation>>> EvaluateAsync(string actor, long organizationId)
    {
        if (_row.OwnedBy(organizationId) is not { } row)
        {
            return NotFound<IReadOnlyList<ConfigEvaluation>>();
        }

        var outcomes = await Evaluation.RuleChangedAsync(row.Id, $"rule {row.Id} evaluated by {actor}");
        return CommandResult<IReadOnlyList<ConfigEvaluation>>.Ok(outcomes);
    }

    private async Task<CommandResult<MonitoringRuleRecord>> SavedAsync(MonitoringRuleRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            _row = await store.GetAsync(this.GetPrimaryKeyLong());
            return CommandResult<MonitoringRuleRecord>.Conflict(ChangedMeanwhile);
        }

        _row = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"monitoring_rule.{change}", Target));
        await Evaluation.RuleChangedAsync(saved.Id, $"rule {saved.Id} {change}");
        return CommandResult<MonitoringRuleRecord>.Ok(saved.ToRecord());
    }

    private IAlertEvaluationGrain Evaluation => GrainFactory.GetGrain<IAlertEvaluationGrain>(0);

    private string Target => $"monitoring_rule:{this.GetPrimaryKeyLong()}";

    private CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound($"no monitoring rule {this.GetPrimaryKeyLong()}");
}
