using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// The safety net of evaluation (docs/architecture.md, "From a job completion to an alert"): a job completion is
/// committed before its configs are told, so a silo dying in between leaves a config evaluated before its inputs
/// changed; this pass finds and evaluates it, re-evaluates <c>days_behind</c> configs daily, and routes events a crash
/// left unrouted.
/// </summary>
[GrainType("planekeeper.alerts.reconciliation")]
public sealed partial class AlertReconciliationGrain(
    AlertReconciliationStore store, IAlertEventRouter router, AlertSettings settings, TimeProvider clock, ILogger<AlertReconciliationGrain> logger)
    : Grain, IAlertReconciliationGrain, IRemindable
{
    private const string Reminder = "reconcile";

    /// <summary>How many configs evaluate at once: a pass after a long outage must not wake every config together.</summary>
    private const int EvaluationsAtOnce = 16;

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(Reminder, settings.ReconcileInterval, settings.ReconcileInterval);
        try
        {
            await RunAsync();
        }
        catch (Exception e)
        {
            // A silo must start even when this pass cannot run; the reminder tries again.
            LogPassFailed(e);
        }
    }

    public async Task<int> RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = await store.StaleConfigsAsync(now, AlertSettings.DaysBehindRefresh);
        var evaluations = new List<ConfigEvaluation>(stale.Count);
        foreach (var batch in stale.Chunk(EvaluationsAtOnce))
        {
            evaluations.AddRange(await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync("reconciliation"))));
        }

        var unrouted = await store.UnroutedEventsAsync(now - AlertSettings.UnroutedGrace);
        await router.RouteAsync(unrouted);
        if (stale.Count > 0 || unrouted.Count > 0)
        {
            LogPass(stale.Count, evaluations.Count(e => e.Outcome is not (EvaluationOutcomes.Unchanged or EvaluationOutcomes.NoAlert or EvaluationOutcomes.WaitingForInputs)), unrouted.Count);
        }

        return stale.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert reconciliation: {Evaluated} config(s) evaluated, {Changed} changed an alert, {Routed} unrouted event(s) routed")]
    private partial void LogPass(int evaluated, int changed, int routed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert reconciliation failed at silo start; the reminder runs it again")]
    private partial void LogPassFailed(Exception exception);
}
