using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// Routes alert events to channels (docs/notifications.md, "Rules" and "Delivery statuses and retries"): in one
/// transaction it takes the unrouted events (locked, so a concurrent reconciliation pass cannot route them twice),
/// writes one pending delivery per (event, channel) before any attempt, counts each rule's matches and skips, and marks
/// the events routed; then it wakes the channels' delivery grains.
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

        var channels = await RouteInOneTransactionAsync(eventIds);
        foreach (var channel in channels)
        {
            _ = grains.GetGrain<IChannelDeliveryGrain>(channel).DeliverAsync();
        }
    }

    private async Task<IReadOnlyList<long>> RouteInOneTransactionAsync(IReadOnlyList<long> eventIds)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var events = (await connection.QueryAsync<EventRow>(
            """
            SELECT id, alert_id AS AlertId, organization_id AS OrganizationId, event, severity FROM alert_actions
             WHERE id = ANY(@Ids) AND event IS NOT NULL AND routed_at IS NULL
             ORDER BY id FOR UPDATE SKIP LOCKED
            """, new { Ids = eventIds.ToArray() })).ToList();
        if (events.Count == 0)
        {
            return [];
        }

        var organizations = events.Select(e => e.OrganizationId).Distinct().ToArray();
        var (rules, existingChannels, defaults) = await LoadRoutingInputsAsync(connection, organizations);

        var deliveries = new List<(EventRow Event, long ChannelId)>();
        var counts = new Dictionary<long, (int Matched, int Skipped)>();
        foreach (var row in events)
        {
            var decision = NotificationRouting.Route(
                row.Event, row.Severity,
                rules[row.OrganizationId].Select(r => new RoutingRule(r.Id, r.Name, r.Priority, r.EventTypes, r.Severities, r.ChannelId)),
                defaults.GetValueOrDefault(row.OrganizationId));
            foreach (var match in decision.Matches)
            {
                var (matched, skipped) = counts.GetValueOrDefault(match.RuleId);
                counts[match.RuleId] = (matched + 1, skipped + (match.Skipped ? 1 : 0));
            }

            deliveries.AddRange(decision.ChannelIds.Where(existingChannels.Contains).Select(channel => (row, channel)));
        }

        // One round trip for the three writes; the rules' counters last, so their rows stay locked only until the commit.
        await connection.ExecuteAsync(
            """
            INSERT INTO notification_deliveries (organization_id, channel_id, alert_id, alert_action_id, event, idempotency_key, next_attempt_at)
            SELECT o, c, a, e, ev, gen_random_uuid(), now()
              FROM unnest(@Organizations, @Channels, @Alerts, @Events, @Names) AS d(o, c, a, e, ev)
            ON CONFLICT (alert_action_id, channel_id) DO NOTHING;
            UPDATE alert_actions SET routed_at = now() WHERE id = ANY(@Routed);
            UPDATE notification_rules r SET matched = r.matched + c.m, skipped = r.skipped + c.s
              FROM unnest(@RuleIds, @Matched, @Skipped) AS c(id, m, s) WHERE r.id = c.id;
            """,
            new
            {
                Organizations = deliveries.Select(d => d.Event.OrganizationId).ToArray(), Channels = deliveries.Select(d => d.ChannelId).ToArray(),
                Alerts = deliveries.Select(d => d.Event.AlertId).ToArray(), Events = deliveries.Select(d => d.Event.Id).ToArray(),
                Names = deliveries.Select(d => d.Event.Event).ToArray(), Routed = events.Select(e => e.Id).ToArray(),
                RuleIds = counts.Keys.ToArray(), Matched = counts.Values.Select(c => c.Matched).ToArray(), Skipped = counts.Values.Select(c => c.Skipped).ToArray(),
            });
        await transaction.CommitAsync();
        LogRouted(events.Count, deliveries.Count);
        return deliveries.Select(d => d.ChannelId).Distinct().ToList();
    }

    /// <summary>The organizations' active rules, their channels and their default channel (if it still exists), in one round trip.</summary>
    private static async Task<(ILookup<long, RuleRow> Rules, HashSet<long> Channels, Dictionary<long, long?> Defaults)> LoadRoutingInputsAsync(
        NpgsqlConnection connection, long[] organizations)
    {
        await using var reads = await connection.QueryMultipleAsync(
            """
            SELECT id, organization_id AS OrganizationId, name, priority, event_types AS EventTypes, severities, channel_id AS ChannelId
              FROM notification_rules WHERE organization_id = ANY(@Organizations) AND active;
            SELECT id FROM notification_channels WHERE organization_id = ANY(@Organizations);
            SELECT organization_id AS OrganizationId, value AS Value FROM settings WHERE organization_id = ANY(@Organizations) AND key = @Key;
            """, new { Organizations = organizations, Key = DefaultChannelSetting });
        var rules = (await reads.ReadAsync<RuleRow>()).ToLookup(rule => rule.OrganizationId);
        var channels = (await reads.ReadAsync<long>()).ToHashSet();
        var defaults = (await reads.ReadAsync<(long OrganizationId, string Value)>())
            .ToDictionary(row => row.OrganizationId, row => long.TryParse(row.Value, out var id) && channels.Contains(id) ? id : (long?)null);
        return (rules, channels, defaults);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routed {Events} alert event(s) to {Deliveries} delivery(ies)")]
    private partial void LogRouted(int events, int deliveries);
}
