using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// Routes alert events to channels (docs/notifications.md, "Rules" and "Delivery statuses and retries"): reads the
/// unrouted events and their routing inputs, then in one statement marks them routed and, for the events it marked (so
/// a concurrent reconciliation pass cannot route them twice), writes one pending delivery per (event, channel) before
/// any attempt and counts each rule's matches and skips; then it wakes the channels' delivery grains.
/// </summary>
public sealed partial class NotificationRouter(NpgsqlDataSource database, IGrainFactory grains, ILogger<NotificationRouter> logger) : IAlertEventRouter
{
    public const string DefaultChannelSetting = "default_notification_channel_id";

    private sealed record EventRow(long Id, long AlertId, long OrganizationId, string Event, string Severity);

    private sealed class RuleRow
    {
        public long Id { get; set; }
        public long OrganizationId { get; set; }
        public string Name { get; set; } = "";
        public int Priority { get; set; }
        public string[] EventTypes { get; set; } = [];
        public string[] Severities { get; set; } = [];
        public long? ChannelId { get; set; }
    }

    public async Task RouteAsync(IReadOnlyList<long> eventIds)
    {
        if (eventIds.Count == 0)
        {
            return;
        }

        var channels = await RouteInTwoRoundTripsAsync(eventIds);
        foreach (var channel in channels)
        {
            _ = grains.GetGrain<IChannelDeliveryGrain>(channel).DeliverAsync();
        }
    }

    /// <summary>
    /// Two round trips: the unrouted events with the routing inputs of their organizations, then one statement that
    /// marks them routed and — for the events it marked, so a concurrent router (the reconciliation pass) that got
    /// there first makes this one write nothing — writes their deliveries and counts the rules' matches and skips.
    /// </summary>
    private async Task<IReadOnlyList<long>> RouteInTwoRoundTripsAsync(IReadOnlyList<long> eventIds)
    {
        await using var connection = await database.OpenConnectionAsync();
        var (events, rules, existingChannels, defaults) = await LoadAsync(connection, eventIds.ToArray());
        if (events.Count == 0)
        {
            return [];
        }

        var deliveries = new List<(EventRow Event, long ChannelId)>();
        var matches = new List<(long EventId, long RuleId, bool Skipped)>();
        foreach (var row in events)
        {
            var decision = NotificationRouting.Route(
                row.Event, row.Severity,
                rules[row.OrganizationId].Select(r => new RoutingRule(r.Id, r.Name, r.Priority, r.EventTypes, r.Severities, r.ChannelId)),
                defaults.GetValueOrDefault(row.OrganizationId));
            matches.AddRange(decision.Matches.Select(match => (row.Id, match.RuleId, match.Skipped)));
            deliveries.AddRange(decision.ChannelIds.Where(existingChannels.Contains).Select(channel => (row, channel)));
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
                UPDATE notification_rules r SET matched = r.matched + c.m, skipped = r.skipped + c.s
                  FROM (SELECT rule_id, count(*) AS m, count(*) FILTER (WHERE skipped) AS s
                          FROM unnest(@MatchEvents, @MatchRules, @MatchSkipped) AS x(e, rule_id, skipped)
                         WHERE e IN (SELECT id FROM routed) GROUP BY rule_id) c
                 WHERE r.id = c.rule_id)
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

    /// <summary>
    /// The unrouted events among <paramref name="eventIds"/>, their organizations' active rules, channels and default
    /// channel (if it still exists), in one round trip.
    /// </summary>
    private static async Task<(List<EventRow> Events, ILookup<long, RuleRow> Rules, HashSet<long> Channels, Dictionary<long, long?> Defaults)> LoadAsync(
        NpgsqlConnection connection, long[] eventIds)
    {
        const string Organizations = "(SELECT organization_id FROM alert_actions WHERE id = ANY(@Ids))";
        await using var reads = await connection.QueryMultipleAsync(
            $"""
            SELECT id, alert_id AS AlertId, organization_id AS OrganizationId, event, severity FROM alert_actions
             WHERE id = ANY(@Ids) AND event IS NOT NULL AND routed_at IS NULL ORDER BY id;
            SELECT id, organization_id AS OrganizationId, name, priority, event_types AS EventTypes, severities, channel_id AS ChannelId
              FROM notification_rules WHERE organization_id IN {Organizations} AND active;
            SELECT id FROM notification_channels WHERE organization_id IN {Organizations};
            SELECT organization_id AS OrganizationId, value AS Value FROM settings WHERE organization_id IN {Organizations} AND key = @Key;
            """, new { Ids = eventIds, Key = DefaultChannelSetting });
        var events = (await reads.ReadAsync<EventRow>()).ToList();
        var rules = (await reads.ReadAsync<RuleRow>()).ToLookup(rule => rule.OrganizationId);
        var channels = (await reads.ReadAsync<long>()).ToHashSet();
        var defaults = (await reads.ReadAsync<(long OrganizationId, string Value)>())
            .ToDictionary(row => row.OrganizationId, row => long.TryParse(row.Value, out var id) && channels.Contains(id) ? id : (long?)null);
        return (events, rules, channels, defaults);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed {Events} alert event(s) to {Deliveries} delivery(ies)")]
    private partial void LogRouted(int events, int deliveries);
}
