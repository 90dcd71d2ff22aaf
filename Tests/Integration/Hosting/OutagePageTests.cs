using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>A frontend that checks its cluster every second (<see cref="Interval"/>) and gives up after two failures.</summary>
public sealed class OutageSystem : RunningSystem
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> FrontendSettings => new Dictionary<string, string>
    {
        ["OUTAGE_CHECK_INTERVAL"] = "1s",
        ["OUTAGE_FAILURE_THRESHOLD"] = "2",
    };
}

/// <summary>
/// The silo is stopped: after two failed checks the Client UI answers <em>Service temporarily unavailable</em> (503)
/// while <c>/health</c> stays 200 and <c>/ready</c> names the cluster; REST API calls and Internal UI pages that need
/// the cluster answer 503 with <c>Retry-After</c> too (never 500); the silo comes back and the first successful check
/// restores the pages.
/// </summary>
public sealed class OutagePageTests(OutageSystem system, ITestOutputHelper output) : IClassFixture<OutageSystem>
{
    /// <summary>A failed check waits at most the readiness probe's cluster timeout (3 s).</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Two_failed_checks_turn_the_pages_into_the_outage_page_and_the_first_success_restores_them()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("login"));
        using var owner = system.Client();
        await owner.SignUpAsync("outage-owner@example.com");
        await owner.CreateOrganizationAsync("Outage Org");
        var (_, key) = await owner.CreateApiKeyAsync("outage key");
        using var keyed = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        using var operatorClient = new ApiClient(system.Frontend.InternalBaseAddress);
        await operatorClient.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
        var silo = system.Silos[0];

        var clock = Stopwatch.StartNew();
        silo.Process.Kill();
        var outage = await Eventually.ReturnsAsync(() => Http.GetAsync(new Uri(system.Frontend.BaseAddress, "login")),
            response => response.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "the outage page");
        var down = clock.Elapsed;
        output.WriteLine($"silo killed → outage page: {down.TotalSeconds:F1} s (interval {OutageSystem.Interval.TotalSeconds} s, 2 failures)");
        Assert.Contains("<h1>Service temporarily unavailable</h1>", await outage.Content.ReadAsStringAsync());
        Assert.Equal(OutageSystem.Interval, outage.Headers.RetryAfter?.Delta);
        Assert.InRange(down, OutageSystem.Interval, 2 * (OutageSystem.Interval + CheckTimeout) + OutageSystem.Interval);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("health"));
        using var ready = await Http.GetAsync(new Uri(system.Frontend.BaseAddress, "ready"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unavailable", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("cluster").GetString());

        await AssertUnavailableAsync(keyed, "/api/v1/gather-jobs");
        await AssertUnavailableAsync(owner, "/api/v1/monitoring-rules");
        using var internalPage = await operatorClient.GetAsync("/internal/organizations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, internalPage.StatusCode);
        Assert.NotNull(internalPage.Headers.RetryAfter);
        Assert.Contains("<h1>Service temporarily unavailable</h1>", await internalPage.Content.ReadAsStringAsync());

        var metrics = await Http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "metrics"));
        PrometheusText.AssertValid(metrics);
        Assert.Matches("planekeeper_frontend_grain_call_failures_total\\{[^}]*grain=\"[^\"]*IClusterHealthGrain\"", metrics);

        await system.StartSiloAsync(samePortsAs: silo);
        clock.Restart();
        await Eventually.ReturnsAsync(() => StatusAsync("login"), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the pages back");
        output.WriteLine($"silo active again → pages back: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed <= OutageSystem.Interval + CheckTimeout + TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    /// <summary>The cluster cannot be reached: 503, <c>Retry-After</c> and the <c>unavailable</c> code, not a 500.</summary>
    private static async Task AssertUnavailableAsync(ApiClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode} {body}");
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(system.Frontend.BaseAddress, path));
        return response.StatusCode;
    }
}
