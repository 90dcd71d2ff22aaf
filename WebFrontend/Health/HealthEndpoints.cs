using System.Text.Json.Serialization;
using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Health;

public static class HealthEndpoints
{
    /// <summary>The frontend answers; <see cref="ApiKey"/> only when the request carried one.</summary>
    public sealed record Liveness(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiKeyCheck? ApiKey);

    /// <summary>Whether the request's API key is valid: its id and organization when it is, the problem when it is not.</summary>
    public sealed record ApiKeyCheck(
        bool Valid,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Id,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? OrganizationId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Problem);

    private static readonly Liveness Alive = new("ok", null);

    /// <summary>With an API key, also says whether it is valid and which organization it belongs to.</summary>
    private static Liveness HealthBody(RequestIdentity identity) => identity switch
    {
        { Credential: not CredentialKind.ApiKey } => Alive,
        { ApiKey: { } key } => new("ok", new ApiKeyCheck(true, key.KeyId, key.OrganizationId, null)),
        _ => new("ok", new ApiKeyCheck(false, null, null, identity.Problem)),
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
            .Produces<Liveness>();
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
