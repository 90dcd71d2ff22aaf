using OpenTelemetry.Metrics;
using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// <c>GET /metrics</c> on the silo's health port, in the Prometheus text format: the <c>Planekeeper</c> meter through
/// the OpenTelemetry Prometheus exporter — the alert, task engine and delivery instruments the grains record, and the
/// queue-depth gauge (docs/operations.md, "Metrics").
/// </summary>
public static class SiloMetricsEndpoint
{
    public static void AddSiloMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueuedJobsGauge>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AlertMetrics.MeterName).AddPrometheusExporter());
    }

    /// <summary>The queue-depth gauge is made here, so only a silo that serves <c>/metrics</c> reads the queue.</summary>
    public static void MapSiloMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<QueuedJobsGauge>();
        app.MapPrometheusScrapingEndpoint("/metrics");
    }
}
