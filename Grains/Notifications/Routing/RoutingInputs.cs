using System.Data.Common;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// What routing the events of some organizations needs (docs/notifications.md, "Rules"): their active rules, the ids
/// of their channels, and their default channel when it still exists. Read by statements another round trip carries —
/// the alert's write (<see cref="Alerts.AlertStore.SaveAsync"/>) or the router's read of unrouted events.
/// </summary>
public sealed record RoutingInputs(ILookup<long, RoutingInputs.RuleRow> Rules, IReadOnlySet<long> Channels, IReadOnlyDictionary<long, long?> Defaults)
{
    public sealed class RuleRow
    {
        public long Id { get; set; }
        public long OrganizationId { get; set; }
        public string Name { get; set; } = "";
        public int Priority { get; set; }
        public string[] EventTypes { get; set; } = [];
        public string[] Severities { get; set; } = [];
        public long? ChannelId { get; set; }

        public RoutingRule ToRule() => new(Id, Name, Priority, EventTypes, Severities, ChannelId);
    }

    /// <summary>
    /// Three read statements for the organizations <paramref name="organizations"/> names (an SQL expression that
    /// <c>IN</c> takes: a parenthesized list or subquery); they use the parameter <c>@DefaultChannelKey</c> (<see cref="Parameters"/>).
    /// </summary>
    public static string Statements(string organizations) => $"""
        SELECT id, organization_id AS OrganizationId, name, priority, event_types AS EventTypes, severities, channel_id AS ChannelId
          FROM notification_rules WHERE organization_id IN {organizations} AND active;
        SELECT id FROM notification_channels WHERE organization_id IN {organizations};
        SELECT organization_id AS OrganizationId, value AS Value FROM settings WHERE organization_id IN {organizations} AND key = @DefaultChannelKey;
        """;

    /// <summary>
    /// The routing of one event of <paramref name="organizationId"/> by these inputs (<see cref="NotificationRouting"/>),
    /// addressing only channels that exist.
    /// </summary>
    public RoutingDecision Route(long organizationId, string eventName, string severity)
    {
        var decision = NotificationRouting.Route(eventName, severity, Rules[organizationId].Select(rule => rule.ToRule()), Defaults.GetValueOrDefault(organizationId));
        return decision with { ChannelIds = decision.ChannelIds.Where(Channels.Contains).ToList() };
    }

    /// <summary>No rules, channels or defaults: what a write without events needs.</summary>
    public static readonly RoutingInputs None = new(Array.Empty<RuleRow>().ToLookup(rule => rule.OrganizationId), new HashSet<long>(), new Dictionary<long, long?>());

    public static object Parameters => new { DefaultChannelKey = NotificationRouter.DefaultChannelSetting };

    /// <summary>Reads the results of <see cref="Statements"/>, in order, from a reader at the first of them.</summary>
    public static async Task<RoutingInputs> ReadAsync(DbDataReader reader)
    {
        var rules = (await reader.ReadAllAsync<RuleRow>()).ToLookup(rule => rule.OrganizationId);
        var channels = (await reader.ReadAllAsync<long>()).ToHashSet();
        var defaults = (await reader.ReadAllAsync<(long OrganizationId, string Value)>())
            .ToDictionary(row => row.OrganizationId, row => long.TryParse(row.Value, out var id) && channels.Contains(id) ? id : (long?)null);
        return new RoutingInputs(rules, channels, defaults);
    }
}
