using Orleans.Concurrency;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Notifications.Delivery;

[StatelessWorker]
[GrainType("planekeeper.notifications.deliveries")]
public sealed class DeliveriesGrain(DeliveryQueries queries, AlertQueryStore alerts) : Grain, IDeliveriesGrain
{
    public Task<Page<DeliveryRecord>> ListAsync(long organizationId, string? status, int limit, long? before) =>
        KeysetPaging.ReadAsync(limit, count => queries.ListAsync(organizationId, status, count, before), delivery => delivery.Id);

    public async Task<IReadOnlyList<DeliveryRecord>?> OfAlertAsync(long organizationId, long alertId) =>
        await alerts.BelongsToAsync(organizationId, alertId) ? await queries.OfAlertAsync(alertId) : null;

    public async Task<CommandResult<DeliveryRecord>> RetryAsync(long organizationId, long deliveryId) =>
        await queries.ChannelOfAsync(organizationId, deliveryId) is { } channel
            ? await GrainFactory.GetGrain<IChannelDeliveryGrain>(channel).RetryAsync(deliveryId)
            : CommandResult<DeliveryRecord>.NotFound($"no notification delivery {deliveryId}");
}
