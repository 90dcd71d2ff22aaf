using OpenTelemetry.Metrics;
using Planekeeper.Grains.Alerts;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// <c>GET /metrics</c> on the silo's health port, in the Prometheus text format: the <c>Planekeeper</c> meter
/// (e.g. <c>planekeeper_alerts_purged_total</c>) through the OpenTelemetry Prometheus exporter.
/// </summary>
public static class SiloMetricsEndpoint
{
    public static void AddSiloMetrics(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AlertMetrics.MeterName).AddPrometheusExporter());

    public static void MapSiloMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
