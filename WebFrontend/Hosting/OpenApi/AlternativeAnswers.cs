using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// A route that answers one of several shapes with the same status (<c>.Produces&lt;A&gt;().Produces&lt;B&gt;()</c>,
/// e.g. <c>GET /api/v1/me</c> for a person or an API key) is described as <c>oneOf</c> them; the generator alone keeps
/// only the last (docs/api.md, "OpenAPI description").
/// </summary>
public sealed class AlternativeAnswers : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var alternatives = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(produces => produces.Type is { } type && type != typeof(void))
            .GroupBy(produces => produces.StatusCode)
            .Select(group => (Status: group.Key.ToString(), Types: group.Select(produces => produces.Type!).Distinct().ToList()))
            .Where(group => group.Types.Count > 1);
        foreach (var (status, types) in alternatives)
        {
            if (operation.Responses?.TryGetValue(status, out var response) != true || response?.Content is not { } content)
                continue;
            var schemas = new List<IOpenApiSchema>();
            foreach (var type in types)
                schemas.Add(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            foreach (var media in content.Values)
                media.Schema = new OpenApiSchema { OneOf = schemas };
        }
    }
}
