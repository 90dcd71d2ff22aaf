using System.Net;
using System.Text.Json;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Rules.Evaluation;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using Planekeeper.WebFrontend.Api;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// What the served OpenAPI documents promise about each operation (docs/api.md, "OpenAPI description"): a summary,
/// a typed 2xx answer, the paging envelope for lists, enums that are exactly what the server accepts, the problem
/// responses the route can give, described tags, and <c>servers</c> that name the public address behind a trusted proxy.
/// </summary>
public sealed class OpenApiContractTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>Operations whose only success is 204 No Content: they answer no body.</summary>
    private static readonly string[] NoContent =
    [
        "DELETE /api/v1/me/sessions/{id}", "DELETE /api/v1/members/{userId}", "DELETE /api/v1/roles/{key}", "POST /api/v1/auth/logout",
        "POST /api/v1/agent/release-key", "DELETE /api/v1/gather-jobs/{id}", "DELETE /api/v1/scrape-jobs/{id}", "DELETE /api/v1/helm-sync-jobs/{id}",
        "DELETE /api/v1/monitoring-rules/{id}", "DELETE /api/v1/alert-configs/{id}", "DELETE /api/v1/notification-channels/{id}",
        "DELETE /api/v1/notification-rules/{id}", "DELETE /api/v1/notification-templates/{category}", "DELETE /api/v1/internal/server-agent-keys/{id}",
    ];

    /// <summary>Lists that are not paged, each with the shape it answers instead of the paging envelope.</summary>
    private static readonly Dictionary<string, string> UnpagedLists = new()
    {
        ["listMySessions"] = "ItemListOfSessionView",
        ["internalListStuckJobs"] = nameof(InternalEndpoints.StuckJobs),
        ["listSettings"] = "",
        ["internalListSettings"] = "",
    };

    private sealed record Operation(string Method, string Path, JsonElement Body)
    {
        public override string ToString() => $"{Method} {Path}";

        public string Id => Body.GetProperty("operationId").GetString()!;

        public JsonElement Responses => Body.GetProperty("responses");
    }

    private async Task<(JsonElement Public, JsonElement Internal)> DocumentsAsync() => (
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(system.Frontend.BaseAddress, "openapi/v1.json"))).RootElement,
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "openapi/internal.json"))).RootElement);

    private static IEnumerable<Operation> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select new Operation(operation.Name.ToUpperInvariant(), path.Name, operation.Value);

    private async Task<List<Operation>> AllOperationsAsync()
    {
        var (publicDocument, internalDocument) = await DocumentsAsync();
        return [.. Operations(publicDocument), .. Operations(internalDocument)];
    }

    private static string? SchemaName(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } media
        && media.TryGetProperty("schema", out var schema)
            ? schema.TryGetProperty("$ref", out var reference) ? reference.GetString()!.Split('/')[^1] : ""
            : null;

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static List<string?> EnumOf(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(value => value.ValueKind == JsonValueKind.Null ? null : value.GetString())];

    /// <summary>The values an enum should list; with null last where the property may be null.</summary>
    private static List<string?> Values(IEnumerable<string> values, bool orNull = false) => [.. values, .. orNull ? new string?[] { null } : []];

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_typed_success_except_the_no_content_ones()
    {
        var operations = await AllOperationsAsync();
        Assert.All(operations, operation =>
            Assert.True(operation.Body.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 }, $"{operation} has no summary"));
        foreach (var operation in operations)
        {
            var successes = operation.Responses.EnumerateObject().Where(response => response.Name.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{operation} has no 2xx response");
            if (NoContent.Contains(operation.ToString()))
            {
                Assert.True(successes is [{ Name: "204" }], $"{operation} is listed as 204 only but answers {string.Join(", ", successes.Select(s => s.Name))}");
                continue;
            }

            Assert.True(successes.Any(success => success.Name != "204" && SchemaName(success.Value) is not null), $"{operation} has no 2xx response with a schema");
        }
    }

    [Fact]
    public async Task Me_is_described_as_either_a_person_or_an_api_key_as_the_server_answers()
    {
        var (publicDocument, _) = await DocumentsAsync();
        var schema = publicDocument.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var shapes = schema.GetProperty("oneOf").EnumerateArray()
            .Select(option => option.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order().ToList()).ToList();
        Assert.Equal(2, shapes.Count);

        var (owner, _) = await system.OrganizationAsync($"openapi-me-{Guid.NewGuid():N}");
        var person = await owner.OkAsync(HttpMethod.Get, "/api/v1/me");
        var (_, key) = await owner.CreateApiKeyAsync("openapi me", "viewer");
        using var keyClient = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var apiKey = await keyClient.OkAsync(HttpMethod.Get, "/api/v1/me");
        foreach (var answer in new[] { person, apiKey })
        {
            var names = answer.EnumerateObject().Select(property => property.Name).Order().ToList();
            Assert.Contains(shapes, shape => shape.SequenceEqual(names));
        }
    }

    [Fact]
    public async Task Lists_answer_the_paging_envelope_exactly_as_the_server_writes_it()
    {
        var (publicDocument, _) = await DocumentsAsync();
        var operations = await AllOperationsAsync();
        foreach (var operation in operations.Where(operation => operation.Id.StartsWith("list", StringComparison.Ordinal) || operation.Id.StartsWith("internalList", StringComparison.Ordinal)))
        {
            var schema = SchemaName(operation.Responses.GetProperty("200"));
            if (UnpagedLists.TryGetValue(operation.Id, out var expected))
                Assert.Equal(expected, schema);
            else
                Assert.True(schema?.StartsWith("PageOf", StringComparison.Ordinal) == true, $"{operation} ({operation.Id}) answers {schema}, not the paging envelope");
        }

        var page = Schema(publicDocument, "PageOfAlertView");
        Assert.Equal(["items", "next_cursor"], page.GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal("array", page.GetProperty("properties").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal(["null", "string"], page.GetProperty("properties").GetProperty("next_cursor").GetProperty("type").EnumerateArray().Select(type => type.GetString()!).Order());

        var (owner, _) = await system.OrganizationAsync($"openapi-page-{Guid.NewGuid():N}");
        var alerts = await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts");
        Assert.Equal(["items", "next_cursor"], alerts.EnumerateObject().Select(property => property.Name));
        var alertProperties = Schema(publicDocument, "AlertView").GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
        Assert.Contains("behind_by", alertProperties);
        Assert.Contains("ack_metadata", alertProperties);
    }

    [Fact]
    public async Task Enums_list_exactly_what_the_server_accepts()
    {
        var (publicDocument, _) = await DocumentsAsync();
        var ruleType = Schema(publicDocument, "MonitoringRuleRequest").GetProperty("properties").GetProperty("rule_type");
        Assert.Equal(Values(RuleTypes.All, orNull: true), EnumOf(ruleType));
        Assert.Equal(Values(RuleTypes.All), EnumOf(Schema(publicDocument, "MonitoringRuleRecord").GetProperty("properties").GetProperty("rule_type")));
        Assert.Equal(Values(ChannelTypes.All, orNull: true), EnumOf(Schema(publicDocument, "ChannelBody").GetProperty("properties").GetProperty("type")));
        Assert.Equal(Values(SeverityNames.All), EnumOf(Schema(publicDocument, "AlertView").GetProperty("properties").GetProperty("severity")));
        var severities = Schema(publicDocument, "NotificationRuleRequest").GetProperty("properties").GetProperty("severities").GetProperty("items");
        Assert.Equal(Values(SeverityNames.All), EnumOf(severities));
        var severityParameter = publicDocument.GetProperty("paths").GetProperty("/api/v1/alerts").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "severity");
        Assert.Equal(Values(SeverityNames.All), EnumOf(severityParameter.GetProperty("schema")));

        var (owner, _) = await system.OrganizationAsync($"openapi-enums-{Guid.NewGuid():N}");
        foreach (var type in RuleTypes.All)
        {
            await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/monitoring-rules",
                new { name = $"rule {type}", rule_type = type, moderate = 1, high = 2, critical = 3 });
        }

        await ExpectRefusedAsync(owner, HttpMethod.Post, "/api/v1/monitoring-rules", new { name = "weeks", rule_type = "weeks_behind", moderate = 1, high = 2, critical = 3 }, "rule_type");
        foreach (var severity in SeverityNames.All)
            await owner.OkAsync(HttpMethod.Get, $"/api/v1/alerts?severity={severity}");
        await ExpectRefusedAsync(owner, HttpMethod.Get, "/api/v1/alerts?severity=urgent", null, "severity");
        foreach (var type in ChannelTypes.All)
        {
            using var response = await owner.SendAsync(HttpMethod.Post, "/api/v1/notification-channels/validate", new { name = "probe", type, config = new { } });
            var text = await response.Content.ReadAsStringAsync();
            var refusedType = JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Object } answer
                && answer.TryGetProperty("errors", out var errors) && errors.TryGetProperty("type", out _);
            Assert.False(refusedType, $"channel type {type} was refused: {text}");
        }

        await ExpectRefusedAsync(owner, HttpMethod.Post, "/api/v1/notification-channels/validate", new { name = "probe", type = "carrier_pigeon", config = new { } }, "type");
    }

    private static async Task ExpectRefusedAsync(ApiClient client, HttpMethod method, string path, object? body, string field)
    {
        using var response = await client.SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Fact]
    public async Task Each_operation_lists_the_problems_its_route_can_give()
    {
        var (publicDocument, _) = await DocumentsAsync();
        var code = Schema(publicDocument, ProblemSchemas.Problem).GetProperty("properties").GetProperty("code");
        Assert.Equal(Values(ProblemCodes.All), EnumOf(code));
        var errors = Schema(publicDocument, ProblemSchemas.Validation).GetProperty("allOf")[1].GetProperty("properties").GetProperty("errors");
        Assert.Equal("array", errors.GetProperty("additionalProperties").GetProperty("type").GetString());
        Assert.True(Schema(publicDocument, ProblemSchemas.Forbidden).GetProperty("allOf")[1].GetProperty("properties").TryGetProperty("missing_action", out _));

        foreach (var operation in await AllOperationsAsync())
        {
            var responses = operation.Responses;
            var anonymous = operation.Body.GetProperty("security").GetArrayLength() == 0;
            var takesInput = operation.Body.TryGetProperty("requestBody", out _)
                || (operation.Body.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"));
            void Has(string status, bool expected)
            {
                Assert.True(responses.TryGetProperty(status, out var response) == expected, $"{operation}: {status} {(expected ? "missing" : "unexpected")}");
                if (expected)
                    Assert.True(response.GetProperty("content").TryGetProperty(ProblemSchemas.MediaType, out _), $"{operation}: {status} is not problem details");
            }

            Has("401", !anonymous);
            Has("403", !anonymous);
            Has("404", operation.Path.Contains('{'));
            var organizationRoute = RouteActions.For(operation.Method, operation.Path)?.Kind == AccessKind.Organization;
            Has("400", takesInput || organizationRoute);
            Has("422", takesInput);
            if (takesInput)
                Assert.Equal(ProblemSchemas.Validation, SchemaName(responses.GetProperty("422")));
            if (responses.TryGetProperty("429", out var tooMany))
                Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _), $"{operation}: 429 without Retry-After");
            if (responses.TryGetProperty("412", out _) && operation.Method != "GET")
            {
                Assert.Contains(operation.Body.GetProperty("parameters").EnumerateArray(), parameter => parameter.GetProperty("name").GetString() == "If-Match");
            }
        }

        var operations = await AllOperationsAsync();
        Operation Find(string method, string path) => operations.Single(operation => operation.Method == method && operation.Path == path);
        var read = Find("GET", "/api/v1/gather-jobs/{id}").Responses.GetProperty("403");
        Assert.Equal(ProblemSchemas.Forbidden, SchemaName(read));
        Assert.Contains("gather-jobs:read", read.GetProperty("description").GetString());
        Assert.True(Find("GET", "/api/v1/alerts").Responses.TryGetProperty("429", out _));
        Assert.False(Find("POST", "/api/v1/agent/tasks/claim").Responses.TryGetProperty("429", out _), "the Agent API draws from no request budget");
        Assert.True(Find("DELETE", "/api/v1/monitoring-rules/{id}").Responses.TryGetProperty("409", out _));
    }

    [Fact]
    public async Task Every_tag_in_use_is_described()
    {
        var (publicDocument, internalDocument) = await DocumentsAsync();
        foreach (var document in new[] { publicDocument, internalDocument })
        {
            var described = document.GetProperty("tags").EnumerateArray()
                .Where(tag => tag.TryGetProperty("description", out var description) && description.GetString() is { Length: > 0 })
                .Select(tag => tag.GetProperty("name").GetString()).ToHashSet();
            var used = Operations(document).SelectMany(operation => operation.Body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString())).ToHashSet();
            Assert.Empty(used.Except(described));
        }
    }

    [Fact]
    public async Task Servers_name_the_public_address_only_when_a_trusted_proxy_forwards_it()
    {
        var frontend = await system.StartFrontendAsync(new Dictionary<string, string> { [TrustedProxies.Setting] = "127.0.0.2" });

        async Task<string> ServerAsync(string from)
        {
            using var client = system.Client(frontend, IPAddress.Parse(from));
            using var response = await client.SendAsync(HttpMethod.Get, "/openapi/v1.json", configure: request =>
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
                request.Headers.Add("X-Forwarded-Host", "planekeeper.example.com");
                request.Headers.Add("X-Forwarded-Prefix", "/tracker");
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var servers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("servers");
            return servers.EnumerateArray().Single().GetProperty("url").GetString()!.TrimEnd('/');
        }

        Assert.Equal("https://planekeeper.example.com/tracker", await ServerAsync("127.0.0.2"));
        Assert.Equal(frontend.BaseAddress.ToString().TrimEnd('/'), await ServerAsync("127.0.0.3"));
    }
}
