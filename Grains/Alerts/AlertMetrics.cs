using System.Diagnostics.Metrics;

namespace Planekeeper.Grains.Alerts;

/// <summary>The alert meters of the <c>Planekeeper</c> meter, exported on the silo's <c>/metrics</c>.</summary>
public sealed class AlertMetrics
{
    public const string MeterName = "Planekeeper";

    private readonly Counter<long> _purged;

    public AlertMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _purged = meter.CreateCounter<long>("planekeeper.alerts.purged", unit: "{alert}", description: "Resolved alerts deleted by the retention purge");
    }

    public void AlertsPurged(int count) => _purged.Add(count);
}
