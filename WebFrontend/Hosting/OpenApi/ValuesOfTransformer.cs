using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// Gives a string property or query parameter marked <see cref="ValuesOfAttribute"/> its <c>enum</c> (on the items
/// of a list of strings), with <c>null</c> among them where the property may be null (docs/api.md, "OpenAPI description").
/// </summary>
public sealed class ValuesOfTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Attribute(context) is not { } values)
            return Task.CompletedTask;
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        target.Enum = [.. values.Values.Select(value => (JsonNode)JsonValue.Create(value))];
        if (target.Type?.HasFlag(JsonSchemaType.Null) == true)
            target.Enum.Add(null!);
        return Task.CompletedTask;
    }

    private static ValuesOfAttribute? Attribute(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ValuesOfAttribute), true).OfType<ValuesOfAttribute>().FirstOrDefault()
        ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<ValuesOfAttribute>();
}
