using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts;

/// <summary>Once a day, deletes resolved alerts (with their history) older than <c>ALERT_RETENTION_DAYS</c>.</summary>
[GrainType("planekeeper.alerts.retention")]
public sealed partial class AlertRetentionGrain(
    NpgsqlDataSource database, AlertSettings settings, AlertMetrics metrics, TimeProvider clock, ILogger<AlertRetentionGrain> logger)
    : Grain, IAlertRetentionGrain, IRemindable
{
    private const string Reminder = "purge";

    public Task StartAsync() => this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));

    public async Task<int> PurgeAsync()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        await using var connection = await database.OpenConnectionAsync();
        var purged = await connection.ExecuteAsync("DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < @Cutoff", new { Cutoff = cutoff });
        metrics.AlertsPurged(purged);
        LogPurged(purged, settings.RetentionDays);
        return purged;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => PurgeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert retention: {Purged} resolved alert(s) older than {Days} days purged")]
    private partial void LogPurged(int purged, int days);
}
