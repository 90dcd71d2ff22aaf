using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// Turns every request ASP.NET Core could not bind — a body of the wrong JSON type, invalid JSON, a missing body, an
/// unparsable query value, a body over its size limit — into problem details that name the field and say what was
/// expected (docs/api.md, "Request bodies and limits"). Endpoints throw these because <c>ThrowOnBadRequest</c> is on.
/// </summary>
public sealed partial class UnreadableRequestHandler(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var bodyType = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        await Problem(bad, bodyType).ExecuteAsync(context);
        return true;
    }

    private IResult Problem(BadHttpRequestException bad, Type? bodyType)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestBodyLimits.TooLarge();
        }

        if (bad.InnerException is JsonException invalid)
        {
            var field = IsTooDeep(invalid) ? JsonBodyPath.FieldName(invalid.Path, depth: 1) : JsonBodyPath.FieldName(invalid.Path);
            return Problems.BadRequestField(field, JsonProblem(invalid, bodyType));
        }

        if (FailedToBind().Match(bad.Message) is { Success: true } binding)
        {
            return Problems.BadRequestField(binding.Groups["name"].Value, $"expected {ParameterTypeName(binding.Groups["type"].Value)}");
        }

        if (RequiredNotProvided().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body"
                ? MissingBody(bodyType)
                : Problems.BadRequestField(missing.Groups["name"].Value, "is required");
        }

        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return MissingBody(bodyType);
        }

        return Results.Problem(bad.Message, statusCode: bad.StatusCode);
    }

    private static IResult MissingBody(Type? bodyType) =>
        Problems.BadRequestField(JsonBodyFilter.BodyField, $"expected {(bodyType is null ? "a JSON body" : JsonTypeNames.Describe(bodyType))}");

    private string JsonProblem(JsonException invalid, Type? bodyType)
    {
        if (invalid.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var expected = bodyType is null ? null : JsonBodyPath.ExpectedType(bodyType, invalid.Path, json.Value.SerializerOptions);
            return expected is null ? "has the wrong JSON type" : $"expected {JsonTypeNames.Describe(expected)}";
        }

        if (IsTooDeep(invalid))
        {
            // System.Text.Json reads 64 levels when MaxDepth is left at 0.
            var depth = json.Value.SerializerOptions.MaxDepth is > 0 and var max ? max : 64;
            return $"nested too deeply: at most {depth} levels";
        }

        return "is not valid JSON: " + FirstSentence(invalid.Message);
    }

    private static bool IsTooDeep(JsonException invalid) => invalid.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static string FirstSentence(string message) => message.IndexOf(" Path:", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message;

    /// <summary>The C# type in ASP.NET Core's message (<c>Nullable&lt;int&gt;</c>, <c>long</c>, <c>bool</c>) in the API's words.</summary>
    private static string ParameterTypeName(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "an integer",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "an RFC 3339 timestamp",
        "Guid" => "a UUID",
        var other => $"a valid {other}",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from")]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>[^.]+)\\.")]
    private static partial Regex RequiredNotProvided();
}
