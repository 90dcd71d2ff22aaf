using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Planekeeper.WebFrontend.Api.Concurrency;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Adds to every operation the problem-details responses of <see cref="ProblemResponses"/> (schemas of
/// <see cref="ProblemSchemas"/>, <c>Retry-After</c> on 429 and 503) and, on routes with an ETag, the <c>If-Match</c> request
/// header of writes and the <c>ETag</c> response header (docs/api.md, "OpenAPI description", "ETags and If-Match").
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ProblemSchemas.AddTo(document);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod is not { } method)
            return Task.CompletedTask;
        var pattern = RouteActions.Normalize("/" + context.Description.RelativePath);
        var access = RouteActions.For(method, pattern);
        var versioned = context.Description.ActionDescriptor.EndpointMetadata.OfType<VersionedResource>().Any();
        var route = new ProblemResponses.Route(
            method, pattern, access,
            TakesInput: operation.RequestBody is not null || operation.Parameters?.Any(parameter => parameter.In == ParameterLocation.Query) == true,
            Versioned: versioned,
            RateLimited: !RequestPartition.IsExempt(pattern));
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in ProblemResponses.For(route))
        {
            operation.Responses.TryAdd(status.ToString(), Response(status, access, context.Document));
        }

        if (versioned)
            DescribeETag(operation, method);
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(int status, RouteAccess? access, OpenApiDocument? document)
    {
        var (schema, description) = status switch
        {
            400 => (ProblemSchemas.Problem, "The request could not be read (not JSON, a wrong JSON type, an unparsable parameter, no `X-Organization-Id` where it is needed); `errors` names the field where one is at fault."),
            401 => (ProblemSchemas.Problem, "No valid credential: sign in, or send an API key or a bearer token."),
            403 when access?.Action is { } action => (ProblemSchemas.Forbidden, $"Refused: no role of the caller allows `{action}` (`code: missing_action`), or the organization is suspended."),
            403 => (ProblemSchemas.Problem, "Refused: the caller may not use this route (see `code`)."),
            404 => (ProblemSchemas.Problem, "Not found: no such resource in the caller's organization."),
            409 => (ProblemSchemas.Problem, "Conflicts with the current state (a name in use, a resource still referenced, a job running)."),
            412 => (ProblemSchemas.Problem, "`If-Match` does not name the resource's current `ETag`: read it again."),
            422 => (ProblemSchemas.Validation, "Invalid fields: `errors` maps each field to its messages."),
            429 => (ProblemSchemas.Problem, "Too many requests: wait the `Retry-After` seconds."),
            503 => (ProblemSchemas.Problem, "Unavailable: the cluster cannot be reached or is recovering (`code: unavailable`), or the frontend is in maintenance (`code: maintenance`); wait the `Retry-After` seconds."),
            _ => (ProblemSchemas.Problem, "A problem."),
        };
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemSchemas.MediaType] = new() { Schema = ProblemSchemas.Reference(schema, document) } },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds to wait before sending again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }

        return response;
    }

    private static void DescribeETag(OpenApiOperation operation, string method)
    {
        if (!HttpMethods.IsGet(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The `ETag` last read: the change is made only if the resource has not changed since (412 otherwise).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        foreach (var (status, response) in operation.Responses!)
        {
            if (status.StartsWith('2') && status != "204" && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The resource's version; send it back in `If-Match` to change it safely.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }
}
