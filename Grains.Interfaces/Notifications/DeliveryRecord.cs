using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Notifications.Delivery;

namespace Planekeeper.Grains.Interfaces.Notifications;

/// <summary>
/// One delivery of one alert event to one channel (docs/notifications.md, "Delivery statuses and retries").
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.notifications.delivery")]
public sealed record DeliveryRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] long ChannelId,
    [property: Id(2)] long AlertId,
    [property: Id(3), ValuesOf(typeof(AlertEventNames))] string Event,
    [property: Id(4), ValuesOf(typeof(DeliveryStatuses))] string Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTime? NextAttemptAt,
    [property: Id(7)] string? LastError,
    [property: Id(8)] int? LastStatusCode,
    [property: Id(9)] Guid IdempotencyKey,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt,
    [property: Id(12)] DateTime? SucceededAt);
