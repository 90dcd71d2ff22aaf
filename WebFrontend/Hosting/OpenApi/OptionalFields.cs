using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Takes out of <c>required</c> what the server does not insist on (docs/api.md, "OpenAPI description"): in a
/// request body, every field that may be null (an absent field reads as null, and the grain's validation names the
/// ones it needs); in a response, a property the server leaves out when it is null
/// (<see cref="JsonIgnoreCondition.WhenWritingNull"/>).
/// </summary>
public sealed class OptionalFields : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(LeftOutWhenNull))
                required.Remove(property.Name);
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var bodies = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .Select(operation => operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? json.Schema : null)
            .OfType<OpenApiSchemaReference>()
            .Select(reference => reference.Reference.Id)
            .Distinct();
        foreach (var id in bodies)
        {
            if (id is not null && document.Components?.Schemas?.TryGetValue(id, out var found) == true && found is OpenApiSchema { Required: { } required, Properties: { } properties })
            {
                foreach (var name in required.Where(name => properties.TryGetValue(name, out var property) && MayBeNull(property)).ToList())
                    required.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool LeftOutWhenNull(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
            .Any(ignore => ignore.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true
        || schema.OneOf?.Any(option => option.Type == JsonSchemaType.Null) == true;
}
