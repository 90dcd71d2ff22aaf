using Microsoft.Extensions.Logging;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>Once a day, deletes resolved alerts (with their history) older than <c>ALERT_RETENTION_DAYS</c>.</summary>
[GrainType("planekeeper.alerts.retention")]
public sealed partial class AlertRetentionGrain(
    AlertStore alerts, AlertSettings settings, AlertMetrics metrics, TimeProvider clock, ILogger<AlertRetentionGrain> logger)
    : Grain, IAlertRetentionGrain, IRemindable
{
    private const string Reminder = "purge";

    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));

    public async Task<int> PurgeAsync()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        var purged = await alerts.PurgeResolvedAsync(cutoff);
        metrics.AlertsPurged(purged);
        LogPurged(purged, settings.RetentionDays);
        return purged;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => PurgeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert retention: {Purged} resolved alert(s) older than {Days} days purged")]
    private partial void LogPurged(int purged, int days);
}
