using System.Text.Json;
using System.Text.RegularExpressions;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>A JSON type as the OpenAPI document names it; <see cref="Any"/> when the schema does not say.</summary>
public enum JsonKind
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>
/// One route of the route table, with what the frontend's OpenAPI document says about it: its path and query
/// parameters, and the top-level fields of its JSON body (if it takes one) with their types.
/// </summary>
public sealed partial record RouteDescription(
    string Method, string Pattern, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters,
    bool TakesBody, bool BodyRequired, JsonKind BodyKind, IReadOnlyDictionary<string, JsonKind> BodyFields)
{
    public static RouteDescription Of(string method, string pattern, JsonElement openApi)
    {
        var pathParameters = PathParameter().Matches(pattern).Select(match => match.Groups[1].Value).ToList();
        if (!openApi.GetProperty("paths").TryGetProperty(pattern, out var path) || !path.TryGetProperty(method.ToLowerInvariant(), out var operation))
        {
            return new RouteDescription(method, pattern, pathParameters, [], false, false, JsonKind.Any, new Dictionary<string, JsonKind>());
        }

        var query = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return new RouteDescription(method, pattern, pathParameters, query, false, false, JsonKind.Any, new Dictionary<string, JsonKind>());
        }

        var resolved = Resolve(schema, openApi);
        var fields = resolved.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => KindOf(p.Value, openApi))
            : new Dictionary<string, JsonKind>();
        var required = body.TryGetProperty("required", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new RouteDescription(method, pattern, pathParameters, query, true, required, KindOf(schema, openApi), fields);
    }

    /// <summary>The pattern with each path parameter replaced: <paramref name="value"/> for <paramref name="parameter"/>, "0" for the others.</summary>
    public string PathWith(string? parameter = null, string? value = null) =>
        PathParameter().Replace(Pattern, match => match.Groups[1].Value == parameter ? value! : "0");

    private static JsonKind KindOf(JsonElement schema, JsonElement openApi)
    {
        var resolved = Resolve(schema, openApi);
        if (resolved.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            // Numbers are also read from strings (the web defaults), so the document says ["integer", "string"].
            names = names.Where(name => name != "null").ToList();
            return names.Contains("integer") ? JsonKind.Integer
                : names.Contains("number") ? JsonKind.Number
                : names is [var only] ? Parse(only) : JsonKind.Any;
        }

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (resolved.TryGetProperty(combinator, out var options))
            {
                var kinds = options.EnumerateArray().Where(o => !IsNull(o)).Select(o => KindOf(o, openApi)).Distinct().ToList();
                return kinds is [var single] ? single : JsonKind.Any;
            }
        }

        return resolved.TryGetProperty("properties", out _) ? JsonKind.Object : JsonKind.Any;
    }

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static JsonKind Parse(string name) => name switch
    {
        "string" => JsonKind.String,
        "integer" => JsonKind.Integer,
        "number" => JsonKind.Number,
        "boolean" => JsonKind.Boolean,
        "array" => JsonKind.Array,
        "object" => JsonKind.Object,
        _ => JsonKind.Any,
    };

    private static JsonElement Resolve(JsonElement schema, JsonElement openApi)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
