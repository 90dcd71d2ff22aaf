namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// The safety net of evaluation (key 0): on a reminder, re-evaluates every config whose inputs changed since its last
/// evaluation (a silo may have died in between), the daily <c>days_behind</c> re-evaluation, and routes events that
/// were written but not yet routed.
/// </summary>
[Alias("planekeeper.alerts.reconciliation")]
public interface IAlertReconciliationGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder (idempotent) and runs a pass.</summary>
    [Alias("start")]
    Task StartAsync();

    /// <summary>One pass; returns how many configs were evaluated.</summary>
    [Alias("run")]
    Task<int> RunAsync();
}
