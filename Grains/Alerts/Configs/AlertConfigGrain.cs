using System.Text.Json;
using Planekeeper.Grains.Access;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>
/// The single owner of one alert config and of its alerts (docs/rules-and-alerts.md, "When evaluation runs"). Not
/// reentrant: evaluations, acknowledgments and edits of one config run one at a time, so concurrent job completions
/// still leave one active alert and one event per change; the database's one-active-alert index holds the line against
/// a duplicate activation.
/// </summary>
[GrainType("planekeeper.alerts.config")]
public sealed class AlertConfigGrain(
    AlertConfigStore store, AlertConfigValidator validator, AlertStore alerts, EvaluationInputStore inputs, IAlertEventRouter router,
    AuditWriter audit, AlertMetrics metrics, TimeProvider clock) : Grain, IAlertConfigGrain
{
    private const int MostWriteAttempts = 3;
    private const string ChangedMeanwhile = "the alert config was changed at the same time; read it again and retry";
    private const string System = "system";

    private AlertConfigRow? _config;
    private AlertRow? _active;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync();

    public Task<AlertConfigRecord?> GetAsync(long organizationId) => Task.FromResult(_config.OwnedBy(organizationId)?.ToRecord(_active?.Id));

    public async Task<CommandResult<AlertConfigRecord>> UpdateAsync(string actor, long organizationId, AlertConfigRequest request, ExpectedVersion? expected)
    {
        if (_config.OwnedBy(organizationId) is not { } config)
        {
            return NotFound<AlertConfigRecord>();
        }

        if (!ExpectedVersion.Holds(expected, config.Version))
        {
            return StaleVersion.Refused<AlertConfigRecord>("alert config");
        }

        var validated = await validator.ValidateAsync(config.OrganizationId, request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<AlertConfigRecord>();
        }

        return await SavedAsync(await store.UpdateAsync(config, validated.Value!), actor, "updated");
    }

    public async Task<CommandResult<AlertConfigRecord>> ToggleAsync(string actor, long organizationId) =>
        _config.OwnedBy(organizationId) is not { } config
            ? NotFound<AlertConfigRecord>()
            : await SavedAsync(await store.SetActiveAsync(config, !config.Active), actor, "toggled");

    public async Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected)
    {
        if (_config.OwnedBy(organizationId) is not { } config)
        {
            return NotFound<bool>();
        }

        if (!ExpectedVersion.Holds(expected, config.Version))
        {
            return StaleVersion.Refused<bool>("alert config");
        }

        await ResolveActiveAsync(actor, "the alert config was deleted");
        if (!await store.DeleteAsync(config))
        {
            await ReloadAsync();
            return CommandResult<bool>.Conflict(ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEntry(config.OrganizationId, actor, "alert_config.deleted", Target));
        _config = null;
        DeactivateOnIdle();
        return CommandResult<bool>.Ok(true);
    }

    /// <summary>Evaluates, timed for <c>planekeeper_alert_evaluation_duration_seconds</c>.</summary>
    public async Task<ConfigEvaluation> EvaluateAsync(string trigger)
    {
        var started = clock.GetTimestamp();
        var evaluation = await EvaluateNowAsync(trigger);
        metrics.Evaluated(evaluation.Outcome, clock.GetElapsedTime(started));
        return evaluation;
    }

    private async Task<ConfigEvaluation> EvaluateNowAsync(string trigger)
    {
        if (_config is null)
        {
            await ReloadAsync();
        }

        if (_config is not { } config)
        {
            return new ConfigEvaluation(this.GetPrimaryKeyLong(), "", EvaluationOutcomes.NotFound, null, null, null, null, null, null, "no such alert config");
        }

        var startedAt = Now;
        if (!config.Active)
        {
            return Report(EvaluationOutcomes.Inactive, null, "the alert config is switched off");
        }

        var found = await inputs.LoadAsync(config);
        if (found.Rule is not { Active: true } rule)
        {
            await ResolveActiveAsync(System, "the monitoring rule is switched off");
            return Report(EvaluationOutcomes.Inactive, null, "the monitoring rule is switched off");
        }

        if (found.DeployedVersion is not { } deployed || found.Releases.Count == 0)
        {
            await MarkEvaluatedAsync(new EvaluationMark(startedAt, EvaluationOutcomes.WaitingForInputs, found.DeployedVersion, null, null));
            return Report(EvaluationOutcomes.WaitingForInputs, null, found.DeployedVersion is null ? "the scrape job has no version yet" : "the gather job has no releases yet");
        }

        if (RuleEvaluator.Evaluate(rule.Definition, deployed, found.Releases, startedAt) is not { } verdict)
        {
            await MarkEvaluatedAsync(new EvaluationMark(startedAt, EvaluationOutcomes.WaitingForInputs, deployed, null, null));
            return Report(EvaluationOutcomes.WaitingForInputs, null, "no release of the gather job is eligible (parsable, and stable if the rule says so)");
        }

        return await ApplyAsync(verdict, trigger, startedAt, found.Routing);
    }

    public Task<CommandResult<AlertRecord>> AcknowledgeAsync(string actor, long organizationId, long alertId, string? metadataJson) =>
        ChangeActiveAsync(organizationId, alertId, actor, metadataJson ?? "{}", alert => alert.AcknowledgedAt is not null ? "the alert is already acknowledged" : null, alert =>
        {
            alert.AcknowledgedAt = Now;
            alert.AcknowledgedBy = actor;
            alert.AckMetadata = metadataJson;
        }, new AlertStep(AlertActions.Acknowledged, AlertEvents.Acknowledged));

    public Task<CommandResult<AlertRecord>> UnacknowledgeAsync(string actor, long organizationId, long alertId) =>
        ChangeActiveAsync(organizationId, alertId, actor, "{}", alert => alert.AcknowledgedAt is null ? "the alert is not acknowledged" : null,
            ClearAcknowledgment, new AlertStep(AlertActions.Unacknowledged, AlertEvents.Unacknowledged));

    public Task<CommandResult<AlertRecord>> ResolveAsync(string actor, long organizationId, long alertId) =>
        ChangeActiveAsync(organizationId, alertId, actor, "{}", _ => null, alert =>
        {
            alert.ResolvedAt = Now;
            alert.ResolvedBy = actor;
        }, new AlertStep(AlertActions.Resolved, AlertEvents.Resolved));

    private async Task<ConfigEvaluation> ApplyAsync(RuleOutcome verdict, string trigger, DateTime startedAt, RoutingInputs routing)
    {
        for (var attempt = 1; ; attempt++)
        {
            var decision = AlertLifecycle.Decide(ActiveState(), verdict);
            if (decision.Kind == AlertChangeKind.None)
            {
                var outcome = _active is null ? EvaluationOutcomes.NoAlert : EvaluationOutcomes.Unchanged;
                await MarkEvaluatedAsync(Mark(startedAt, outcome, verdict));
                return Report(outcome, verdict, null);
            }

            var details = JsonSerializer.Serialize(new
            {
                trigger, behind_by = verdict.BehindBy, discovered_version = verdict.DiscoveredVersion, latest_version = verdict.LatestVersion, reason = verdict.Reason,
            });
            var mark = Mark(startedAt, OutcomeOf(decision.Kind), verdict);
            if (await WriteAsync(AlertChanges.Apply(_active, _config!, decision, verdict, Now), decision.Steps, System, details, mark, routing) is not null)
            {
                return Report(OutcomeOf(decision.Kind), verdict, null);
            }

            if (attempt == MostWriteAttempts)
            {
                throw new InvalidOperationException($"alert config {_config!.Id}: the active alert kept changing under this evaluation");
            }
        }
    }

    private async Task<CommandResult<AlertRecord>> ChangeActiveAsync(
        long organizationId, long alertId, string actor, string details, Func<AlertRow, string?> refusal, Action<AlertRow> change, AlertStep step)
    {
        var config = _config.OwnedBy(organizationId);
        if (config is null || _active?.Id != alertId)
        {
            return config is not null && await alerts.GetAsync(config.OrganizationId, alertId) is { ResolvedAt: not null }
                ? CommandResult<AlertRecord>.Conflict($"alert {alertId} is resolved")
                : CommandResult<AlertRecord>.NotFound($"no active alert {alertId}");
        }

        if (refusal(_active) is { } reason)
        {
            return CommandResult<AlertRecord>.Conflict(reason);
        }

        var changed = _active.Copy();
        change(changed);
        changed.UpdatedAt = Now;
        return await WriteAsync(changed, [step], actor, details, null) is { } written
            ? CommandResult<AlertRecord>.Ok(written.ToRecord())
            : CommandResult<AlertRecord>.Conflict("the alert changed at the same time; read it again and retry");
    }

    private async Task ResolveActiveAsync(string actor, string why)
    {
        if (_active is null)
        {
            return;
        }

        var resolved = _active.Copy();
        resolved.ResolvedAt = Now;
        resolved.ResolvedBy = actor == System ? null : actor;
        resolved.UpdatedAt = Now;
        await WriteAsync(resolved, [new AlertStep(AlertActions.Resolved, AlertEvents.Resolved)], actor, JsonSerializer.Serialize(new { why }), null);
    }

    /// <summary>
    /// Writes the alert and its history in one transaction — routing its events in it when an evaluation read the
    /// <paramref name="routing"/> inputs — then has the router route them or wake their channels. Null: someone else
    /// wrote first (reloaded).
    /// </summary>
    private async Task<AlertRow?> WriteAsync(
        AlertRow alert, IReadOnlyList<AlertStep> steps, string actor, string details, EvaluationMark? evaluation, RoutingInputs? routing = null)
    {
        var saved = await alerts.SaveAsync(alert, steps, actor, details, Now, evaluation, routing);
        if (saved is not { } written)
        {
            _active = await alerts.GetActiveAsync(_config!.Id);
            return null;
        }

        _active = written.Alert.ResolvedAt is null ? written.Alert : null;
        if (evaluation is not null)
        {
            _config!.EvaluatedAt = evaluation.At;
        }

        await router.RouteAsync(written.Events);
        return written.Alert;
    }

    private async Task MarkEvaluatedAsync(EvaluationMark evaluation)
    {
        await alerts.MarkEvaluatedAsync(_config!.Id, evaluation);
        _config.EvaluatedAt = evaluation.At;
    }

    private static EvaluationMark Mark(DateTime at, string outcome, RuleOutcome verdict) =>
        new(at, outcome, verdict.DiscoveredVersion, verdict.LatestVersion, verdict.BehindBy);

    private async Task<CommandResult<AlertConfigRecord>> SavedAsync(AlertConfigRow? saved, string actor, string change)
    {
        if (saved is null)
        {
            await ReloadAsync();
            return CommandResult<AlertConfigRecord>.Conflict(ChangedMeanwhile);
        }

        _config = saved;
        await audit.WriteAsync(new AuditEntry(saved.OrganizationId, actor, $"alert_config.{change}", Target));
        if (saved.Active)
        {
            await EvaluateAsync($"alert config {change} by {actor}");
        }
        else
        {
            await ResolveActiveAsync(actor, "the alert config is switched off");
        }

        return CommandResult<AlertConfigRecord>.Ok(_config.ToRecord(_active?.Id));
    }

    private async Task ReloadAsync()
    {
        _config = await store.GetAsync(this.GetPrimaryKeyLong());
        _active = _config is null ? null : await alerts.GetActiveAsync(_config.Id);
    }

    private ActiveAlert? ActiveState() => _active is null
        ? null
        : new ActiveAlert(SeverityText.Parse(_active.Severity), _active.BehindBy, _active.DiscoveredVersion, _active.LatestVersion, _active.Reason, _active.AcknowledgedAt is not null);

    private static void ClearAcknowledgment(AlertRow alert)
    {
        alert.AcknowledgedAt = null;
        alert.AcknowledgedBy = null;
        alert.AckMetadata = null;
    }

    private ConfigEvaluation Report(string outcome, RuleOutcome? verdict, string? detail) => new(
        _config!.Id, _config.Name, outcome, verdict?.Severity is { } severity ? SeverityText.Name(severity) : null, verdict?.BehindBy, verdict?.Reason,
        verdict?.DiscoveredVersion, verdict?.LatestVersion, _active?.Id, detail);

    private static string OutcomeOf(AlertChangeKind kind) => kind switch
    {
        AlertChangeKind.Create => EvaluationOutcomes.Created,
        AlertChangeKind.Escalate => EvaluationOutcomes.Escalated,
        AlertChangeKind.DeEscalate => EvaluationOutcomes.DeEscalated,
        AlertChangeKind.Resolve => EvaluationOutcomes.Resolved,
        _ => EvaluationOutcomes.Updated,
    };

    private string Target => $"alert_config:{this.GetPrimaryKeyLong()}";

    private CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound($"no alert config {this.GetPrimaryKeyLong()}");
}
