using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// The two OpenAPI documents a running frontend serves (docs/api.md, "OpenAPI description"): every operation has a
/// unique operationId, says which credentials it takes, and the documents list exactly the API routes of
/// <see cref="RouteActions.Table"/>.
/// </summary>
public sealed class OpenApiDescriptionTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private sealed record Operation(string Document, string Method, string Path, JsonElement Body);

    private async Task<(JsonElement Public, JsonElement Internal)> DocumentsAsync()
    {
        var publicDocument = JsonDocument.Parse(await Http.GetStringAsync(new Uri(system.Frontend.BaseAddress, "openapi/v1.json"))).RootElement;
        var internalDocument = JsonDocument.Parse(await Http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "openapi/internal.json"))).RootElement;
        return (publicDocument, internalDocument);
    }

    private static IEnumerable<Operation> Operations(string name, JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select new Operation(name, operation.Name.ToUpperInvariant(), RouteActions.Normalize(path.Name), operation.Value);

    private async Task<List<Operation>> AllOperationsAsync()
    {
        var (publicDocument, internalDocument) = await DocumentsAsync();
        return [.. Operations("v1", publicDocument), .. Operations("internal", internalDocument)];
    }

    [Fact]
    public async Task Every_operation_of_both_documents_has_an_operation_id_and_no_two_share_one()
    {
        var operations = await AllOperationsAsync();
        Assert.NotEmpty(operations);
        var ids = operations.Select(operation =>
            operation.Body.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } value
                ? value
                : throw new Xunit.Sdk.XunitException($"{operation.Method} {operation.Path} ({operation.Document}) has no operationId")).ToList();
        var duplicates = ids.GroupBy(id => id).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate operationIds: " + string.Join(", ", duplicates));

        string IdOf(string method, string path) => operations.Single(operation => operation.Method == method && operation.Path == path).Body.GetProperty("operationId").GetString()!;
        Assert.Equal("listGatherJobs", IdOf("GET", "/api/v1/gather-jobs"));
        Assert.Equal("runGatherJob", IdOf("POST", "/api/v1/gather-jobs/{id}/run"));
        Assert.Equal("claimAgentTask", IdOf("POST", "/api/v1/agent/tasks/claim"));
        Assert.Equal("internalListUsers", IdOf("GET", "/api/v1/internal/users"));
    }

    [Fact]
    public async Task Both_documents_declare_the_three_credentials_and_each_operation_takes_those_of_its_route()
    {
        var (publicDocument, internalDocument) = await DocumentsAsync();
        foreach (var document in new[] { publicDocument, internalDocument })
        {
            var schemes = document.GetProperty("components").GetProperty("securitySchemes");
            Assert.Equal("header", schemes.GetProperty(SecuritySchemes.ApiKey).GetProperty("in").GetString());
            Assert.Equal("X-API-Key", schemes.GetProperty(SecuritySchemes.ApiKey).GetProperty("name").GetString());
            Assert.Equal("cookie", schemes.GetProperty(SecuritySchemes.SessionCookie).GetProperty("in").GetString());
            Assert.EndsWith("planekeeper_session", schemes.GetProperty(SecuritySchemes.SessionCookie).GetProperty("name").GetString());
            Assert.Equal("http", schemes.GetProperty(SecuritySchemes.Bearer).GetProperty("type").GetString());
            Assert.Equal("bearer", schemes.GetProperty(SecuritySchemes.Bearer).GetProperty("scheme").GetString());
        }

        var operations = await AllOperationsAsync();
        IEnumerable<string> Schemes(string method, string path)
        {
            var operation = operations.Single(operation => operation.Method == method && operation.Path == path).Body;
            Assert.True(operation.TryGetProperty("security", out var security), $"{method} {path} has no security");
            return security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)).ToList();
        }

        Assert.Empty(Schemes("POST", "/api/v1/auth/login"));
        Assert.Equal([SecuritySchemes.ApiKey], Schemes("POST", "/api/v1/agent/tasks/claim"));
        Assert.Equal([SecuritySchemes.ApiKey, SecuritySchemes.SessionCookie, SecuritySchemes.Bearer], Schemes("GET", "/api/v1/gather-jobs"));
        Assert.Equal([SecuritySchemes.SessionCookie, SecuritySchemes.Bearer], Schemes("GET", "/api/v1/internal/users"));
        Assert.All(operations, operation => Assert.True(operation.Body.TryGetProperty("security", out _), $"{operation.Method} {operation.Path} has no security"));
    }

    [Fact]
    public async Task The_documents_list_exactly_the_api_routes_of_the_route_table()
    {
        var operations = await AllOperationsAsync();
        var documented = operations.GroupBy(operation => (operation.Method, operation.Path)).ToDictionary(group => group.Key, group => group.Count());

        var apiRoutes = RouteActions.Table.Keys.Where(route => route.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
        var missing = apiRoutes.Where(route => !documented.ContainsKey((route.Method, RouteActions.Normalize(route.Pattern)))).ToList();
        Assert.True(missing.Count == 0, "In RouteActions.Table but in neither document: " + string.Join(", ", missing));
        var twice = documented.Where(entry => entry.Value > 1).Select(entry => entry.Key).ToList();
        Assert.True(twice.Count == 0, "In both documents: " + string.Join(", ", twice));
        var unknown = documented.Keys.Where(route => RouteActions.For(route.Method, route.Path) is null).ToList();
        Assert.True(unknown.Count == 0, "Documented but not in RouteActions.Table: " + string.Join(", ", unknown));
    }
}
