using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// Routes alert events to channels (docs/notifications.md, "Rules" and "Delivery statuses and retries"): reads the
/// unrouted events and their routing inputs (or takes those an alert's write has just read with its new events, see
/// <see cref="WrittenEvents"/>; an evaluation's write routes its own events, see <see cref="AlertWriteRouting"/>, and
/// only has the router wake the channels), then in one statement marks them routed and, for the events it marked (so
/// a concurrent reconciliation pass cannot route them twice), writes one pending delivery per (event, channel) before
/// any attempt and counts each rule's matches and skips (appended to <c>notification_rule_counts</c>, so concurrent
/// routers never wait on a rule's row, see <see cref="NotificationRuleStore"/>); then it wakes the channels' delivery grains.
/// </summary>
public sealed partial class NotificationRouter(NpgsqlDataSource database, IGrainFactory grains, ILogger<NotificationRouter> logger) : IAlertEventRouter
{
    public const string DefaultChannelSetting = "default_notification_channel_id";

    public async Task RouteAsync(IReadOnlyList<long> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync();
        var (events, inputs) = await LoadAsync(connection, eventIds.ToArray());
        Wake(await WriteAsync(connection, events, inputs));
    }

    public async Task RouteAsync(WrittenEvents written)
    {
        if (written.RoutedChannels is { } routed)
        {
            Wake(routed);
            return;
        }

        if (written.Events.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync();
        Wake(await WriteAsync(connection, written.Events, written.Inputs));
    }

    private void Wake(IReadOnlyList<long> channels)
    {
        foreach (var channel in channels)
        {
            _ = grains.GetGrain<IChannelDeliveryGrain>(channel).DeliverAsync();
        }
    }

    /// <summary>
    /// One statement that marks the events routed and — for the events it marked, so a concurrent router (the
    /// reconciliation pass) that got there first makes this one write nothing — writes their deliveries and counts the
    /// rules' matches and skips. Returns the channels that got deliveries.
    /// </summary>
    private async Task<IReadOnlyList<long>> WriteAsync(NpgsqlConnection connection, IReadOnlyList<AlertEvent> events, RoutingInputs inputs)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var deliveries = new List<(AlertEvent Event, long ChannelId)>();
        var matches = new List<(long EventId, long RuleId, bool Skipped)>();
        foreach (var row in events)
        {
            var decision = inputs.Route(row.OrganizationId, row.Event, row.Severity);
            matches.AddRange(decision.Matches.Select(match => (row.Id, match.RuleId, match.Skipped)));
            deliveries.AddRange(decision.ChannelIds.Select(channel => (row, channel)));
        }

        var channels = (await connection.QueryAsync<long>(
            """
            WITH routed AS (
                UPDATE alert_actions SET routed_at = now() WHERE id = ANY(@Routed) AND routed_at IS NULL RETURNING id),
            deliveries AS (
                INSERT INTO notification_deliveries (organization_id, channel_id, alert_id, alert_action_id, event, idempotency_key, next_attempt_at)
                SELECT o, c, a, e, ev, gen_random_uuid(), now()
                  FROM unnest(@Organizations, @Channels, @Alerts, @Events, @Names) AS d(o, c, a, e, ev)
                 WHERE e IN (SELECT id FROM routed)
                ON CONFLICT (alert_action_id, channel_id) DO NOTHING
                RETURNING channel_id),
            counted AS (
                INSERT INTO notification_rule_counts (rule_id, matched, skipped)
                SELECT rule_id, count(*), count(*) FILTER (WHERE skipped)
                  FROM unnest(@MatchEvents, @MatchRules, @MatchSkipped) AS x(e, rule_id, skipped)
                 WHERE e IN (SELECT id FROM routed) GROUP BY rule_id)
            SELECT DISTINCT channel_id FROM deliveries
            """,
            new
            {
                Organizations = deliveries.Select(d => d.Event.OrganizationId).ToArray(), Channels = deliveries.Select(d => d.ChannelId).ToArray(),
                Alerts = deliveries.Select(d => d.Event.AlertId).ToArray(), Events = deliveries.Select(d => d.Event.Id).ToArray(),
                Names = deliveries.Select(d => d.Event.Event).ToArray(), Routed = events.Select(e => e.Id).ToArray(),
                MatchEvents = matches.Select(m => m.EventId).ToArray(), MatchRules = matches.Select(m => m.RuleId).ToArray(),
                MatchSkipped = matches.Select(m => m.Skipped).ToArray(),
            })).ToList();
        LogRouted(events.Count, deliveries.Count);
        return channels;
    }

    /// <summary>The unrouted events among <paramref name="eventIds"/> and their organizations' routing inputs, in one round trip.</summary>
    private static async Task<(List<AlertEvent> Events, RoutingInputs Inputs)> LoadAsync(NpgsqlConnection connection, long[] eventIds)
    {
        var parameters = new DynamicParameters(RoutingInputs.Parameters);
        parameters.Add("Ids", eventIds);
        await using var reader = await connection.ExecuteReaderAsync(
            $"""
            SELECT id, alert_id AS AlertId, organization_id AS OrganizationId, event, severity FROM alert_actions
             WHERE id = ANY(@Ids) AND event IS NOT NULL AND routed_at IS NULL ORDER BY id;
            {RoutingInputs.Statements("(SELECT organization_id FROM alert_actions WHERE id = ANY(@Ids))")}
            """, parameters);
        var events = await reader.ReadAllAsync<AlertEvent>();
        return (events, await RoutingInputs.ReadAsync(reader));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed {Events} alert event(s) to {Deliveries} delivery(ies)")]
    private partial void LogRouted(int events, int deliveries);
}
