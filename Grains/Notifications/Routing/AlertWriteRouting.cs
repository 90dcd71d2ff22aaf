namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// The routing of an alert's events decided before the alert is written, so that the alert's own statement marks its
/// events routed, writes their deliveries and counts the rules (docs/architecture.md, "From a job completion to an
/// alert"). An evaluation has read the routing inputs with its evaluation inputs; every event of one write has the
/// alert's severity, so the decision depends on the event's name alone.
/// </summary>
public sealed class AlertWriteRouting
{
    private readonly List<(string Event, long ChannelId)> _deliveries = [];
    private readonly List<(string Event, long RuleId, bool Skipped)> _matches = [];

    private AlertWriteRouting(bool routes) => Routes = routes;

    /// <summary>False: nothing was decided before the write; its events stay unrouted and the router takes them after.</summary>
    public bool Routes { get; }

    public static AlertWriteRouting None { get; } = new(false);

    public static AlertWriteRouting Decide(long organizationId, string severity, IEnumerable<string> eventNames, RoutingInputs inputs)
    {
        var routing = new AlertWriteRouting(true);
        foreach (var name in eventNames.Distinct())
        {
            var decision = inputs.Route(organizationId, name, severity);
            routing._matches.AddRange(decision.Matches.Select(match => (name, match.RuleId, match.Skipped)));
            routing._deliveries.AddRange(decision.ChannelIds.Select(channel => (name, channel)));
        }

        return routing;
    }

    /// <summary>The parameters <see cref="Statements"/> uses.</summary>
    public object Parameters => new
    {
        RoutesInWrite = Routes,
        RouteEvents = _deliveries.Select(d => d.Event).ToArray(), RouteChannels = _deliveries.Select(d => d.ChannelId).ToArray(),
        MatchEvents = _matches.Select(m => m.Event).ToArray(), MatchRules = _matches.Select(m => m.RuleId).ToArray(),
        MatchSkipped = _matches.Select(m => m.Skipped).ToArray(),
    };

    /// <summary>
    /// Two data-modifying CTEs to follow the alert's: <paramref name="saved"/> names the written alert (columns
    /// <c>id</c>, <c>organizationid</c>) and <paramref name="actions"/> its new history entries (<c>id</c>,
    /// <c>event</c>). They write one pending delivery per (event, channel) — of channels that still exist — as
    /// <c>routed_deliveries</c> (returning <c>channel_id</c>), and append each rule's matches and skips to
    /// <c>notification_rule_counts</c>.
    /// </summary>
    public static string Statements(string saved, string actions) => $"""
        routed_deliveries AS (
            INSERT INTO notification_deliveries (organization_id, channel_id, alert_id, alert_action_id, event, idempotency_key, next_attempt_at)
            SELECT {saved}.organizationid, d.c, {saved}.id, a.id, a.event, gen_random_uuid(), now()
              FROM {saved}, {actions} a JOIN unnest(@RouteEvents::text[], @RouteChannels::bigint[]) AS d(ev, c) ON d.ev = a.event
             WHERE EXISTS (SELECT 1 FROM notification_channels ch WHERE ch.id = d.c)
            ON CONFLICT (alert_action_id, channel_id) DO NOTHING
            RETURNING channel_id),
        routed_counts AS (
            INSERT INTO notification_rule_counts (rule_id, matched, skipped)
            SELECT m.r, count(*), count(*) FILTER (WHERE m.s)
              FROM {actions} a JOIN unnest(@MatchEvents::text[], @MatchRules::bigint[], @MatchSkipped::boolean[]) AS m(ev, r, s) ON m.ev = a.event
             GROUP BY m.r)
        """;
}
