using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Gives every operation its <see cref="OperationIds"/> name unless the endpoint was named with <c>.WithName("…")</c>,
/// which Microsoft.AspNetCore.OpenApi already made its operationId (docs/api.md, "OpenAPI description").
/// </summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId) && context.Description.HttpMethod is { } method)
            operation.OperationId = OperationIds.For(method, "/" + context.Description.RelativePath);
        return Task.CompletedTask;
    }
}
