using System.Diagnostics.Metrics;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// The delivery counter on the <c>Planekeeper</c> meter, exported on the silo's <c>/metrics</c> (docs/operations.md,
/// "Metrics"): each delivery attempt's outcome, and the deliveries declared dead without one.
/// </summary>
public sealed class DeliveryMetrics
{
    private readonly Counter<long> _deliveries;

    public DeliveryMetrics(IMeterFactory meters)
    {
        _deliveries = meters.Create(AlertMetrics.MeterName).CreateCounter<long>(
            "planekeeper.notification.deliveries", unit: "{attempt}",
            description: "Delivery attempts by the status they left the delivery in (succeeded, failed: retried later, dead), and deliveries killed unattempted (dead)");
    }

    /// <param name="status">One of <see cref="DeliveryStatuses"/>: succeeded, failed or dead.</param>
    public void Delivered(string status, int count = 1)
    {
        if (count > 0)
        {
            _deliveries.Add(count, new KeyValuePair<string, object?>("status", status));
        }
    }
}
