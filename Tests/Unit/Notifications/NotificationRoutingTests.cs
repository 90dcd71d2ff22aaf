using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Tests.Unit.Notifications;

public class NotificationRoutingTests
{
    private static RoutingRule Rule(long id, int priority, long? channel, string[]? events = null, string[]? severities = null) =>
        new(id, $"rule {id}", priority, events ?? [], severities ?? [], channel);

    [Fact]
    public void Rules_match_by_event_and_severity_in_priority_order()
    {
        var decision = NotificationRouting.Route("alert.created", "high",
        [
            Rule(1, 20, 10, events: ["alert.created"]),
            Rule(2, 10, 11, severities: ["high", "critical"]),
            Rule(3, 5, 12, events: ["alert.resolved"]),
            Rule(4, 30, 13, severities: ["critical"]),
        ], defaultChannelId: null);
        Assert.Equal([2L, 1L], decision.Matches.Select(m => m.RuleId));
        Assert.Equal([11L, 10L], decision.ChannelIds);
    }

    [Fact]
    public void Empty_filters_match_every_event_and_severity() =>
        Assert.Single(NotificationRouting.Route("alert.unacknowledged", "moderate", [Rule(1, 1, 10)], null).ChannelIds);

    [Fact]
    public void A_rule_without_a_channel_addresses_the_default_channel() =>
        Assert.Equal([99L], NotificationRouting.Route("alert.created", "high", [Rule(1, 1, null)], defaultChannelId: 99).ChannelIds);

    [Fact]
    public void Without_a_channel_and_a_default_the_match_is_skipped()
    {
        var decision = NotificationRouting.Route("alert.created", "high", [Rule(1, 1, null)], defaultChannelId: null);
        Assert.True(decision.Matches.Single().Skipped);
        Assert.Empty(decision.ChannelIds);
    }

    [Fact]
    public void The_same_event_reaches_a_channel_once() =>
        Assert.Equal([10L], NotificationRouting.Route("alert.created", "high", [Rule(1, 1, 10), Rule(2, 2, 10), Rule(3, 3, null)], 10).ChannelIds);

    [Fact]
    public void Equal_priorities_run_in_id_order() =>
        Assert.Equal([7L, 8L], NotificationRouting.Route("alert.created", "high", [Rule(8, 1, 2), Rule(7, 1, 1)], null).Matches.Select(m => m.RuleId));
}
