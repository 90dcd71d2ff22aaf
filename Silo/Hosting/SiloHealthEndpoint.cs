using Orleans.Runtime;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// <c>GET /health</c> on the silo's own port, for orchestrators: 200 while this silo is an active
/// member of the cluster, 503 while it joins, leaves or has been declared dead.
/// </summary>
public static class SiloHealthEndpoint
{
    public static void ListenForSiloHealthChecks(this WebApplicationBuilder builder)
    {
        var endpoints = SiloEndpointSettings.FromConfiguration(builder.Configuration);
        builder.WebHost.UseUrls($"http://0.0.0.0:{endpoints.HealthPort}");
    }

    public static void MapSiloHealth(this WebApplication app) => app.MapGet("/health", (IClusterMembershipService membership, ILocalSiloDetails silo) =>
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        var body = new { status = status == SiloStatus.Active ? "ok" : "unavailable", silo = status.ToString() };
        return Results.Json(body, statusCode: status == SiloStatus.Active ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    });
}
