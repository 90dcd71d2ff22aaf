namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>One rule that matched: the channel it addressed (its own or the default), or none (skipped).</summary>
public sealed record RuleMatch(long RuleId, string RuleName, long? ChannelId)
{
    public bool Skipped => ChannelId is null;
}

/// <summary>Every matching rule in priority order, and the channels that receive the event (each once).</summary>
public sealed record RoutingDecision(IReadOnlyList<RuleMatch> Matches, IReadOnlyList<long> ChannelIds);
