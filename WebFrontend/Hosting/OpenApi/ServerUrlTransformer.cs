using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// The server URLs the framework derives from the request end in <c>/</c>; every path of the documents starts with
/// <c>/api/v1</c>, so the address is given without it (<c>https://planekeeper.example.com</c>, or with the proxy's
/// prefix), as OpenAPI tools expect (docs/api.md, "Linting the description").
/// </summary>
public sealed class ServerUrlTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
                server.Url = url.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
