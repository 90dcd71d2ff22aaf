namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Purges resolved alerts older than <c>ALERT_RETENTION_DAYS</c> once a day (key 0).</summary>
[Alias("planekeeper.alerts.retention")]
public interface IAlertRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the daily reminder (idempotent).</summary>
    [Alias("start")]
    Task StartAsync();

    /// <summary>One purge; returns how many alerts were deleted.</summary>
    [Alias("purge")]
    Task<int> PurgeAsync();
}
