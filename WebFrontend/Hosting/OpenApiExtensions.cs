using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.WebFrontend.Hosting;

public static class OpenApiExtensions
{
    /// <summary>
    /// Two documents: <c>/openapi/v1.json</c>, the public API, and <c>/openapi/internal.json</c>, the global admins'
    /// routes, which only the internal port serves (docs/configuration.md, "Frontend roles").
    /// </summary>
    public static void AddPlanekeeperOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => !IsInternal(description) && !IsClusterDashboard(description);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Planekeeper API";
                document.Info.Description = "Tracks how far deployed software has drifted behind its upstream releases.";
                return Task.CompletedTask;
            });
            AddConventions(options);
        });
        builder.Services.AddOpenApi("internal", options =>
        {
            options.ShouldInclude = IsInternal;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Planekeeper internal API";
                document.Info.Description = "The global admins' routes, served on the internal port only.";
                return Task.CompletedTask;
            });
            AddConventions(options);
        });
    }

    /// <summary>
    /// Both documents: an operationId on every operation, the security schemes, the problem responses, enums from
    /// <see cref="Grains.Interfaces.Common.ValuesOfAttribute"/>, optional fields and described tags (docs/api.md, "OpenAPI description").
    /// </summary>
    private static void AddConventions(OpenApiOptions options)
    {
        var security = new SecurityTransformer();
        options.AddDocumentTransformer(security);
        options.AddOperationTransformer(security);
        options.AddOperationTransformer(new OperationIdTransformer());
        var problems = new ProblemResponsesTransformer();
        options.AddDocumentTransformer(problems);
        options.AddOperationTransformer(problems);
        options.AddSchemaTransformer(new ValuesOfTransformer());
        var optional = new OptionalFields();
        options.AddSchemaTransformer(optional);
        options.AddDocumentTransformer(optional);
        options.AddDocumentTransformer(new Tags());
        options.AddDocumentTransformer(new ServerUrlTransformer());
        options.AddOperationTransformer(new AlternativeAnswers());
    }

    public static void MapPlanekeeperOpenApi(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");

    /// <summary>The Orleans Dashboard's own routes are a web page's, not the API's.</summary>
    private static bool IsClusterDashboard(ApiDescription description) =>
        ("/" + description.RelativePath).StartsWith(ClusterDashboardExtensions.Prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsInternal(ApiDescription description) =>
        description.RelativePath?.StartsWith("api/v1/internal/", StringComparison.OrdinalIgnoreCase) == true;
}
