namespace Planekeeper.Grains.Notifications;

/// <summary>Sends one rendered notification over one channel type; never throws for a failed delivery.</summary>
public interface IChannelSender
{
    string Type { get; }

    Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken);
}
