namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>What one attempt of a delivery came to, and when: the row's next status and the attempt's result.</summary>
public sealed record DeliveryOutcome(long DeliveryId, DeliveryStep Step, DeliveryAttemptResult Result, DateTime At);
