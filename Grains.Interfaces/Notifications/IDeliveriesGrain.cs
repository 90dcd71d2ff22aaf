using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>Reading an organization's deliveries, and handing a retry to the delivery's channel grain. Stateless.</summary>
[Alias("planekeeper.notifications.deliveries")]
public interface IDeliveriesGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first; <paramref name="status"/> null for all.</summary>
    [Alias("list")]
    Task<Page<DeliveryRecord>> ListAsync(long organizationId, string? status, int limit, long? before);

    /// <summary>Every delivery of the alert, oldest first; null when the organization has no such alert.</summary>
    [Alias("of-alert")]
    Task<IReadOnlyList<DeliveryRecord>?> OfAlertAsync(long organizationId, long alertId);

    [Alias("retry")]
    Task<CommandResult<DeliveryRecord>> RetryAsync(long organizationId, long deliveryId);
}
