namespace Planekeeper.Grains.Alerts;

/// <summary>
/// <c>ALERT_RETENTION_DAYS</c> (resolved alerts older than this are purged daily) and <c>ALERT_RECONCILE_INTERVAL</c>
/// (how often the reconciliation pass looks for configs whose inputs changed since their last evaluation).
/// </summary>
public sealed record AlertSettings(int RetentionDays, TimeSpan ReconcileInterval)
{
    public static AlertSettings Default { get; } = new(365, TimeSpan.FromMinutes(1));

    /// <summary>How long an event may stay unrouted before the reconciliation pass routes it (a change in flight routes its own).</summary>
    public static TimeSpan UnroutedGrace { get; } = TimeSpan.FromSeconds(30);

    /// <summary><c>days_behind</c> grows without new data: its configs are re-evaluated at least this often.</summary>
    public static TimeSpan DaysBehindRefresh { get; } = TimeSpan.FromDays(1);
}
