using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Health;

public static class HealthEndpoints
{
    private static readonly object Alive = new { status = "ok" };

    /// <summary>With an API key, also says whether it is valid and which organization it belongs to.</summary>
    private static object HealthBody(RequestIdentity identity) => identity switch
    {
        { Credential: not CredentialKind.ApiKey } => Alive,
        { ApiKey: { } key } => new { status = "ok", api_key = new { valid = true, id = key.KeyId, organization_id = key.OrganizationId } },
        _ => new { status = "ok", api_key = new { valid = false, problem = identity.Problem } },
    };

    /// <summary>
    /// <c>/health</c>: liveness, no authentication, no database, no cluster call.
    /// <c>/ready</c>: 200 when the cluster and the database answer, 503 naming the one that did not (no reason, no
    /// address: those are in the log and on the silo's health port).
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health", (HttpContext context) => Results.Json(HealthBody(context.Identity())))
            .WithName("getHealth").WithTags("Health")
            .WithSummary("Liveness: the frontend process answers. No authentication, no database.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        app.MapGet("/ready", async (ReadinessProbe probe, CancellationToken cancellationToken) =>
            {
                var report = await probe.CheckAsync(cancellationToken);
                return Results.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("getReadiness").WithTags("Health")
            .WithSummary("Readiness: 200 when the cluster and the database answer, 503 naming the one that did not (reasons are in the logs and on the silo's health port).")
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }
}
