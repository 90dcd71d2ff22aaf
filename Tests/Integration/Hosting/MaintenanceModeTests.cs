using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// A frontend started with <c>MAINTENANCE_MODE=true</c> beside a normal one: its Client UI and REST API answer 503
/// with <c>Retry-After</c> (the page says <em>Scheduled maintenance</em>), while the probes, the Agent API and the
/// internal port (the internal API and the Internal UI) keep working.
/// </summary>
public sealed class MaintenanceModeTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Pages_and_the_api_answer_503_while_probes_agents_and_the_internal_port_work()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("maintenance-owner@example.com");
        await owner.CreateOrganizationAsync("Maintained Org");
        var (_, agentKey) = await owner.CreateApiKeyAsync("agent");
        var maintained = await system.StartFrontendAsync(new() { ["MAINTENANCE_MODE"] = "true", ["MAINTENANCE_RETRY_AFTER"] = "2m" });

        foreach (var path in new[] { "", "login", "gather-jobs", "members" })
        {
            using var page = await Http.GetAsync(new Uri(maintained.BaseAddress, path));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(2), page.Headers.RetryAfter?.Delta);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Scheduled maintenance</h1>", html);
            Assert.DoesNotContain("trace id", html);
        }

        using var signedIn = new ApiClient(maintained.BaseAddress, internalAddress: maintained.InternalBaseAddress) { OrganizationId = owner.OrganizationId };
        var refused = await signedIn.ExpectAsync(HttpStatusCode.ServiceUnavailable, HttpMethod.Post, "/api/v1/auth/login",
            new { email = "maintenance-owner@example.com", password = "a long enough password" });
        Assert.Equal("maintenance", refused.GetProperty("code").GetString());
        using var keyed = ApiClient.WithKey(maintained.BaseAddress, agentKey);
        Assert.Equal("maintenance", (await keyed.ExpectAsync(HttpStatusCode.ServiceUnavailable, HttpMethod.Get, "/api/v1/gather-jobs")).GetProperty("code").GetString());

        await keyed.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "through-maintenance" });
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(maintained.BaseAddress, "health"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(maintained.BaseAddress, "ready"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(maintained.BaseAddress, "css/site.css"))).StatusCode);
        using var operatorClient = new ApiClient(maintained.InternalBaseAddress);
        await operatorClient.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
        await operatorClient.OkAsync(HttpMethod.Get, "/api/v1/internal/users");
        foreach (var internalPage in new[] { "/internal", "/internal/banner" })
        {
            using var internalUi = await operatorClient.GetAsync(internalPage);
            Assert.Equal(HttpStatusCode.OK, internalUi.StatusCode);
            Assert.Contains("Planekeeper internal", await internalUi.Content.ReadAsStringAsync());
        }

        using var normal = await Http.GetAsync(new Uri(system.Frontend.BaseAddress, "login"));
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }
}
