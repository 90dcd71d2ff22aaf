using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// The deliveries of one channel (key: channel id): their only writer. Attempts what is due, schedules the next
/// attempt with a timer, and resumes whatever a crash interrupted when woken.
/// </summary>
[Alias("planekeeper.notifications.channel-delivery")]
public interface IChannelDeliveryGrain : IGrainWithIntegerKey
{
    /// <summary>Wakes the grain: it attempts every due delivery of the channel. One-way: returns at once.</summary>
    [OneWay]
    [Alias("deliver")]
    Task DeliverAsync();

    /// <summary>A dead delivery starts a fresh schedule (same idempotency key).</summary>
    [Alias("retry")]
    Task<CommandResult<DeliveryRecord>> RetryAsync(long deliveryId);
}
