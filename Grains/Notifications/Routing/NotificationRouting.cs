namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// Routing (docs/notifications.md, "Rules"): the organization's active rules by priority (lower first, then id); every
/// rule whose event and severity filters match addresses its channel, or the organization's default channel; with
/// neither, the match is skipped. The same event reaches a channel once.
/// </summary>
public static class NotificationRouting
{
    public static RoutingDecision Route(string eventName, string severity, IEnumerable<RoutingRule> rules, long? defaultChannelId)
    {
        var matches = rules
            .OrderBy(rule => rule.Priority).ThenBy(rule => rule.Id)
            .Where(rule => Accepts(rule.EventTypes, eventName) && Accepts(rule.Severities, severity))
            .Select(rule => new RuleMatch(rule.Id, rule.Name, rule.ChannelId ?? defaultChannelId))
            .ToList();
        var channels = matches.Where(match => match.ChannelId is not null).Select(match => match.ChannelId!.Value).Distinct().ToList();
        return new RoutingDecision(matches, channels);
    }

    private static bool Accepts(IReadOnlyList<string> filter, string value) => filter.Count == 0 || filter.Contains(value);
}
