using Scalar.AspNetCore;

namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// The API reference at <c>/api/docs</c>: Scalar's page over the public OpenAPI document (docs/api.md, "Reference
/// page"), with its script and styles served by the frontend itself — nothing comes from a CDN.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string Path = "/api/docs";

    public static void MapPlanekeeperApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Planekeeper API")
            .WithOpenApiRoutePattern("/openapi/v1.json")
            // Nothing from elsewhere: no fonts from Scalar's CDN, no AI agent, no hosted developer tools.
            .DisableDefaultFonts()
            .DisableAgent()
            .HideDeveloperTools());

    public static bool IsApiReference(this HttpRequest request) => request.Path.StartsWithSegments(Path);
}
