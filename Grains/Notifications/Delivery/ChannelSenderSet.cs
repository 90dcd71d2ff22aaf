namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>The sender of each channel type.</summary>
public sealed class ChannelSenderSet(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _byType = senders.ToDictionary(sender => sender.Type);

    public IChannelSender For(string channelType) =>
        _byType.TryGetValue(channelType, out var sender) ? sender : throw new InvalidOperationException($"no sender for channel type '{channelType}'");
}
