using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// A public frontend (<c>api,client-ui</c>) and an internal one (<c>internal-ui</c>) against one silo, as a deployment
/// runs them: the internal routes answer only on the internal port, to global admins only; the public OpenAPI
/// document does not list them.
/// </summary>
public sealed class FrontendRoleTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Internal_paths_are_404_on_the_public_frontend_and_served_to_global_admins_only_on_the_internal_one()
    {
        var publicFrontend = await system.StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "api,client-ui" });
        var internalFrontend = await system.StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "internal-ui" });
        using var admin = new ApiClient(publicFrontend.BaseAddress);
        await admin.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
        using var member = new ApiClient(publicFrontend.BaseAddress, internalAddress: internalFrontend.InternalBaseAddress);
        await member.SignUpAsync("not-an-admin@example.com");

        var refused = await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/v1/internal/users");
        Assert.Equal(404, refused.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(publicFrontend.BaseAddress, "openapi/internal.json"))).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(new Uri(publicFrontend.InternalBaseAddress, "health")));
        var publicApi = await Http.GetStringAsync(new Uri(publicFrontend.BaseAddress, "openapi/v1.json"));
        Assert.DoesNotContain("/api/v1/internal", publicApi);
        Assert.Contains("/api/v1/gather-jobs", publicApi);

        using var operatorClient = new ApiClient(internalFrontend.InternalBaseAddress);
        await operatorClient.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
        var users = await operatorClient.OkAsync(HttpMethod.Get, "/api/v1/internal/users");
        Assert.Contains(users.GetProperty("items").EnumerateArray(), user => user.GetProperty("email").GetString() == "not-an-admin@example.com");
        await member.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/internal/users");
        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(new Uri(internalFrontend.BaseAddress, "health")));

        var internalApi = JsonDocument.Parse(await Http.GetStringAsync(new Uri(internalFrontend.InternalBaseAddress, "openapi/internal.json")));
        var paths = internalApi.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/v1/internal/users", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/internal/", path));
    }

    [Fact]
    public async Task The_internal_port_serves_neither_the_public_api_nor_the_client_ui_and_each_role_serves_only_its_surface()
    {
        var internalFrontend = await system.StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "internal-ui" });
        var apiOnly = await system.StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "api" });
        var uiOnly = await system.StartFrontendAsync(new() { ["PLANEKEEPER_ROLES"] = "client-ui" });

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(internalFrontend.InternalBaseAddress, "api/v1/me"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(internalFrontend.InternalBaseAddress, "gather-jobs"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(internalFrontend.InternalBaseAddress, "openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(internalFrontend.InternalBaseAddress, "login"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(internalFrontend.InternalBaseAddress, "ready"));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(apiOnly.BaseAddress, "gather-jobs"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(apiOnly.BaseAddress, "api/v1/me"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(uiOnly.BaseAddress, "api/v1/me"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(uiOnly.BaseAddress, "login"));
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri server, string path)
    {
        using var response = await Http.GetAsync(new Uri(server, path));
        return response.StatusCode;
    }
}
