using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Planekeeper.Grains.Alerts;

/// <summary>
/// The router until notification delivery exists: it records that each event was taken (<c>routed_at</c>) and logs
/// it, exactly once per event.
/// </summary>
public sealed partial class RecordingAlertEventRouter(NpgsqlDataSource database, ILogger<RecordingAlertEventRouter> logger) : IAlertEventRouter
{
    public async Task RouteAsync(IReadOnlyList<long> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync();
        var routed = await connection.QueryAsync<(long AlertId, long OrganizationId, string Event, string Severity)>(
            """
            UPDATE alert_actions SET routed_at = now()
             WHERE id = ANY(@Ids) AND event IS NOT NULL AND routed_at IS NULL
            RETURNING alert_id, organization_id, event, severity
            """,
            new { Ids = eventIds.ToArray() });
        foreach (var (alertId, organizationId, name, severity) in routed)
        {
            LogRouted(name, alertId, organizationId, severity);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert event {Event} of alert {AlertId} (organization {OrganizationId}, {Severity}) recorded for notification")]
    private partial void LogRouted(string @event, long alertId, long organizationId, string severity);
}
