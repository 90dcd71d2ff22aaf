using System.Text;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// The malformed requests of the sweep for one route: hostile path and query values, bodies that are not the JSON the
/// route reads (empty, <c>null</c>, the wrong top-level type, invalid JSON and UTF-8, deep nesting, over the size
/// limit, the wrong content type), a wrong JSON type for each field, and edge values of each field.
/// </summary>
public static class MalformedRequests
{
    /// <summary>No <c>%00</c>: Kestrel refuses a NUL in the request target with a bare 400 before the application runs.</summary>
    public static readonly string[] PathValues =
        ["0", "-1", "9223372036854775808", "abc", "%FF%FE", new string('9', 400), "..%2F..", "%20", "null", "1.5", "%E2%80%AE"];

    public static readonly string[] QueryValues =
        ["", "0", "-1", "100000", "9223372036854775808", "abc", "%FF", "true", "1.5", "%00", new string('x', 5000), "MTIz", "-9223372036854775809"];

    /// <summary>JSON values a field of each kind can never hold.</summary>
    private static readonly Dictionary<JsonKind, string[]> WrongValues = new()
    {
        [JsonKind.String] = ["1", "-1", "1.5", "true", "false", "[]", "[\"x\"]", "{}", "{\"a\":\"b\"}"],
        [JsonKind.Integer] = ["\"x\"", "\"1.5\"", "1.5", "1e400", "true", "[]", "[1]", "{}", "9223372036854775808", "-9223372036854775809"],
        [JsonKind.Number] = ["\"x\"", "true", "[]", "{}", "{\"a\":1}"],
        [JsonKind.Boolean] = ["\"x\"", "\"yes\"", "1", "0", "[]", "{}"],
        [JsonKind.Array] = ["\"x\"", "1", "true", "{}", "{\"a\":1}"],
        [JsonKind.Object] = ["\"x\"", "1", "true", "[]", "[{}]"],
        [JsonKind.Any] = [],
    };

    /// <summary>Values of any kind a careless client may send; some are valid for some fields.</summary>
    private static readonly string[] EdgeValues =
    [
        "null", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\u202e\u0301\"", Quoted(new string('x', 100 * 1024)), "-1", "0", "2147483648",
        "9223372036854775807", "-9223372036854775808", "1e308", "[]", "{}", "[null]", "{\"a\":null}", "[" + string.Join(',', Enumerable.Repeat("0", 10_000)) + "]",
        "\"1970-01-01T00:00:00Z\"", "\"-1\"", "\"../../etc/passwd\"", "\"{{if .Event}}\"",
    ];

    /// <summary>Every request for <paramref name="route"/>; one whose body is over <paramref name="bodyLimit"/> must get a 413.</summary>
    public static IEnumerable<SweepRequest> For(RouteDescription route, long bodyLimit) =>
        Requests(route, bodyLimit).Select(request => request.Body?.Length > bodyLimit ? request with { MustRefuse = true, Status = 413, Field = null } : request);

    private static IEnumerable<SweepRequest> Requests(RouteDescription route, long bodyLimit)
    {
        var body = route.TakesBody ? Json("{}") : null;
        foreach (var parameter in route.PathParameters)
        {
            foreach (var value in PathValues)
            {
                yield return new SweepRequest($"path {parameter}={Short(value)}", route.PathWith(parameter, value), body);
            }
        }

        foreach (var parameter in route.QueryParameters)
        {
            foreach (var value in QueryValues)
            {
                yield return new SweepRequest($"query {parameter}={Short(value)}", $"{route.PathWith()}?{parameter}={value}", body);
            }
        }

        if (!route.TakesBody)
        {
            yield break;
        }

        foreach (var request in Bodies(route, bodyLimit))
        {
            yield return request;
        }

        foreach (var (field, kind) in route.BodyFields)
        {
            foreach (var value in WrongValues[kind])
            {
                yield return new SweepRequest($"{field}: {Short(value)} (not {kind})", route.PathWith(), Json($"{{\"{field}\":{value}}}"),
                    MustRefuse: true, Status: 400, Field: field);
            }

            foreach (var value in EdgeValues)
            {
                yield return new SweepRequest($"{field}: {Short(value)}", route.PathWith(), Json($"{{\"{field}\":{value}}}"));
            }
        }
    }

    private static IEnumerable<SweepRequest> Bodies(RouteDescription route, long bodyLimit)
    {
        var path = route.PathWith();
        var field = route.BodyFields.Keys.FirstOrDefault() ?? "a";
        var topLevel = route.BodyKind == JsonKind.Object ? "body" : null;
        var emptyIsRefused = route.BodyRequired || route.PathParameters.Count > 0;
        yield return new SweepRequest("empty body", path, [], MustRefuse: emptyIsRefused);
        yield return new SweepRequest("null body", path, Json("null"), MustRefuse: emptyIsRefused);
        foreach (var value in new[] { "[]", "\"x\"", "1", "true", "1e400", "[{}]" })
        {
            yield return new SweepRequest($"body {value}", path, Json(value), MustRefuse: topLevel is not null, Status: topLevel is null ? null : 400, Field: topLevel);
        }

        foreach (var value in new[] { "{", $"{{\"{field}\":", "{}x", $"{{\"{field}\":1,}}", "{'a':1}", $"{{\"{field}\" 1}}" })
        {
            yield return new SweepRequest($"invalid JSON {Short(value)}", path, Json(value), MustRefuse: true, Status: 400);
        }

        // Only a string field is decoded while binding (a JsonElement keeps its bytes), so only then is it a sure 400.
        var text = route.BodyFields.FirstOrDefault(f => f.Value == JsonKind.String).Key;
        yield return new SweepRequest("invalid UTF-8", path, [.. Encoding.UTF8.GetBytes($"{{\"{text ?? field}\":\""), 0xFF, 0xFE, 0xC0, .. "\"}"u8.ToArray()],
            MustRefuse: true, Status: text is null ? null : 400);
        yield return new SweepRequest("100,000 nested arrays", path, Json(new string('[', 100_000) + new string(']', 100_000)), MustRefuse: true, Status: 400);
        yield return new SweepRequest("deep nesting in a field", path, Json($"{{\"{field}\":{new string('[', 1000)}{new string(']', 1000)}}}"),
            MustRefuse: true, Status: 400);
        yield return new SweepRequest("text/plain", path, Json("{}"), ContentType: "text/plain", MustRefuse: true, Status: 415);
        yield return new SweepRequest("no content type", path, Json("{}"), ContentType: null, MustRefuse: true, Status: 415);

        var oversized = Json($"{{\"{field}\":{Quoted(new string('x', (int)bodyLimit))}}}");
        yield return new SweepRequest("over the size limit", path, oversized, MustRefuse: true, Status: 413);
        yield return new SweepRequest("over the size limit, chunked", path, oversized, Chunked: true, MustRefuse: true, Status: 413);
        yield return new SweepRequest("1 MB string", path, Json($"{{\"{field}\":{Quoted(new string('x', 1024 * 1024))}}}"));

        yield return new SweepRequest("{}", path, Json("{}"));
        yield return new SweepRequest("byte order mark", path, Json("\ufeff{}"));
        yield return new SweepRequest("unknown field", path, Json("{\"no_such_field\":1}"));
        yield return new SweepRequest("duplicate field", path, Json($"{{\"{field}\":1,\"{field}\":\"x\"}}"));
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static string Quoted(string text) => $"\"{text}\"";

    private static string Short(string text) => text.Length <= 24 ? text : $"{text[..12]}…({text.Length} chars)";
}
