using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// Refuses a request whose JSON body is missing or <c>null</c> when the endpoint's body is required, with a 400 naming
/// <c>body</c> (docs/api.md, "Request bodies"). ASP.NET Core cannot tell whether a generic body type
/// (<c>TRequest body</c>) may be null and would pass the null on; here a body is optional only when its parameter is
/// declared nullable (<c>Acknowledge? body</c>) or allows an empty body.
/// </summary>
public static class RequiredBodyFilter
{
    public const string BodyField = "body";

    public static TBuilder RequireJsonBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var required = RequiredBodyIndexes(factory.MethodInfo);
            return required.Count == 0 ? next : async context =>
            {
                var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                foreach (var (index, type) in required)
                {
                    if (type == bodyType && context.Arguments[index] is null)
                    {
                        return Problems.BadRequestField(BodyField, $"expected {JsonTypeNames.Describe(type)}");
                    }
                }

                return await next(context);
            };
        });

    /// <summary>The parameters that could be the JSON body and are not declared optional.</summary>
    private static List<(int Index, Type Type)> RequiredBodyIndexes(MethodInfo method)
    {
        var nullability = new NullabilityInfoContext();
        return method.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => !p.parameter.ParameterType.IsValueType && p.parameter.ParameterType != typeof(string) && !IsOptional(p.parameter, nullability))
            .Select(p => (p.index, p.parameter.ParameterType))
            .ToList();
    }

    private static bool IsOptional(ParameterInfo parameter, NullabilityInfoContext nullability) =>
        parameter.HasDefaultValue
        || parameter.GetCustomAttribute<FromBodyAttribute>()?.EmptyBodyBehavior == EmptyBodyBehavior.Allow
        || nullability.Create(parameter).ReadState == NullabilityState.Nullable;
}
