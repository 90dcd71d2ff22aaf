using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// Checks a bound JSON body before the endpoint sees it (docs/api.md, "Request bodies and limits"): a missing or
/// <c>null</c> body where the endpoint needs one is a 400 naming <c>body</c>, and so is what
/// <see cref="BodyInspection"/> finds. ASP.NET Core cannot tell whether a generic body type (<c>TRequest body</c>) may
/// be null and would pass the null on; here a body is optional only when its parameter is declared nullable
/// (<c>Acknowledge? body</c>) or allows an empty body.
/// </summary>
public static class JsonBodyFilter
{
    public const string BodyField = "body";

    public static TBuilder CheckJsonBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var candidates = BodyCandidates(factory.MethodInfo);
            var json = factory.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            return candidates.Count == 0 ? next : async context =>
            {
                var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                foreach (var (index, type, optional) in candidates)
                {
                    if (type != bodyType)
                    {
                        continue;
                    }

                    var body = context.Arguments[index];
                    if (body is null && !optional)
                    {
                        return Problems.BadRequestField(BodyField, $"expected {JsonTypeNames.Describe(type)}");
                    }

                    if (BodyInspection.FirstProblem(body, json) is { } finding)
                    {
                        return Problems.BadRequestField(finding.Field, finding.Message);
                    }
                }

                return await next(context);
            };
        });

    /// <summary>The parameters that could be the JSON body, and whether each is declared optional.</summary>
    private static List<(int Index, Type Type, bool Optional)> BodyCandidates(MethodInfo method)
    {
        var nullability = new NullabilityInfoContext();
        return method.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => !p.parameter.ParameterType.IsValueType && p.parameter.ParameterType != typeof(string))
            .Select(p => (p.index, p.parameter.ParameterType, IsOptional(p.parameter, nullability)))
            .ToList();
    }

    private static bool IsOptional(ParameterInfo parameter, NullabilityInfoContext nullability) =>
        parameter.HasDefaultValue
        || parameter.GetCustomAttribute<FromBodyAttribute>()?.EmptyBodyBehavior == EmptyBodyBehavior.Allow
        || nullability.Create(parameter).ReadState == NullabilityState.Nullable;
}
