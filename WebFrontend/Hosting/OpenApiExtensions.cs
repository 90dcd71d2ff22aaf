namespace Planekeeper.WebFrontend.Hosting;

public static class OpenApiExtensions
{
    /// <summary>Describes every mapped endpoint; served at <c>/openapi/v1.json</c>.</summary>
    public static void AddPlanekeeperOpenApi(this IHostApplicationBuilder builder) =>
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Planekeeper API";
            document.Info.Description = "Tracks how far deployed software has drifted behind its upstream releases.";
            return Task.CompletedTask;
        }));

    public static void MapPlanekeeperOpenApi(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");
}
