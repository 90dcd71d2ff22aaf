using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Planekeeper.WebFrontend.Metrics;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format, on the internal port only (docs/operations.md, "Metrics"): the
/// HTTP requests by route and status with their duration (ASP.NET Core's <c>http.server.request.duration</c>), the
/// rate limiter's decisions (<c>aspnetcore.rate_limiting.requests</c>) and the frontend's failed grain calls.
/// </summary>
public static class MetricsExtensions
{
    public static void AddPlanekeeperMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.RateLimiting", FrontendMetrics.MeterName)
            .AddPrometheusExporter());
    }

    /// <summary>GET only, so the route table declares it like every other route.</summary>
    public static void MapPlanekeeperMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
}
