using Orleans.Runtime;
using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// The silo's own port (<c>PLANEKEEPER_SILO_HEALTH_PORT</c>), for orchestrators and operators, never public:
/// <c>GET /health</c> is 200 while this silo is an active member of the cluster, 503 while it joins, leaves or has
/// been declared dead; <c>GET /ready</c> is the readiness check with its reasons — the database error and the silo
/// that answered — which the frontend's public <c>/ready</c> does not show (docs/operations.md).
/// </summary>
public static class SiloHealthEndpoint
{
    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(3);

    public static void ListenForSiloHealthChecks(this WebApplicationBuilder builder)
    {
        var endpoints = SiloEndpointSettings.FromConfiguration(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoints.HealthAddress, endpoints.HealthPort));
    }

    public static void MapSiloHealth(this WebApplication app)
    {
        app.MapGet("/health", (IClusterMembershipService membership, ILocalSiloDetails silo) =>
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            var body = new { status = status == SiloStatus.Active ? "ok" : "unavailable", silo = status.ToString() };
            return Results.Json(body, statusCode: status == SiloStatus.Active ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/ready", async (IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            try
            {
                var report = await grains.GetGrain<IClusterHealthGrain>(IClusterHealthGrain.Key).CheckAsync().WaitAsync(ClusterTimeout, cancellationToken);
                var body = new { status = report.DatabaseOk ? "ready" : "unavailable", database = report.DatabaseOk ? "ok" : $"unavailable: {report.DatabaseError}", cluster = "ok", silo = report.Silo };
                return Results.Json(body, statusCode: report.DatabaseOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var body = new { status = "unavailable", database = "unknown", cluster = $"unavailable: {e.Message.ReplaceLineEndings(" ")}" };
                return Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
