namespace Planekeeper.WebFrontend.Health;

public static class HealthEndpoints
{
    private static readonly object Alive = new { status = "ok" };

    /// <summary>
    /// <c>/health</c>: liveness, no authentication, no database, no cluster call.
    /// <c>/ready</c>: 200 when the cluster and the database answer, 503 naming the one that did not.
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(Alive))
            .WithTags("Health")
            .WithSummary("Liveness: the frontend process answers. No authentication, no database.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        app.MapGet("/ready", async (IClusterClient cluster, CancellationToken cancellationToken) =>
            {
                var report = await new ReadinessProbe(cluster).CheckAsync(cancellationToken);
                return Results.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Health")
            .WithSummary("Readiness: 200 when the cluster and the database answer, 503 naming the one that did not.")
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }
}
