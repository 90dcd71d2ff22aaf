using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>The real Silo and WebFrontend processes, over real HTTP on loopback.</summary>
public class HealthEndpointTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Health_answers_while_the_cluster_is_missing_and_ready_follows_the_cluster()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("health");
        await using var frontend = PlanekeeperProcesses.StartFrontend(database);

        var health = await Eventually.ReturnsAsync(() => Http.GetAsync(new Uri(frontend.BaseAddress, "health")), r => r.IsSuccessStatusCode, PlanekeeperProcesses.StartTimeout, "/health");
        Assert.Equal("""{"status":"ok"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", health.Content.Headers.ContentType?.ToString());

        var openApi = await Http.GetFromJsonAsync<JsonElement>(new Uri(frontend.BaseAddress, "openapi/v1.json"));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/health", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/ready", out _));

        var notReady = await Http.GetAsync(new Uri(frontend.BaseAddress, "ready"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var body = await notReady.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", body.GetProperty("cluster").GetString());

        await using var silo = PlanekeeperProcesses.StartSilo(database);
        var ready = await frontend.WaitUntilReadyAsync(Http);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("database").GetString());
        Assert.Equal("ok", ready.GetProperty("cluster").GetString());
        Assert.False(ready.TryGetProperty("silo", out _), ready.ToString());

        var siloReady = await Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{silo.HealthPort}/ready");
        Assert.Equal("ready", siloReady.GetProperty("status").GetString());
        Assert.Contains($"127.0.0.1:{silo.SiloPort}:", siloReady.GetProperty("silo").GetString());

        var siloHealth = await Http.GetAsync($"http://127.0.0.1:{silo.HealthPort}/health");
        Assert.Equal(HttpStatusCode.OK, siloHealth.StatusCode);
        Assert.Equal("Active", (await siloHealth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("silo").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_database_while_it_is_stopped()
    {
        await using var server = await PostgresServer.StartAsync("ready-503");
        var database = await server.CreateDatabaseAsync("ready");
        await using var silo = PlanekeeperProcesses.StartSilo(database);
        await using var frontend = PlanekeeperProcesses.StartFrontend(database);
        await frontend.WaitUntilReadyAsync(Http);

        await server.StopAsync();

        var down = await Eventually.ReturnsAsync(() => Http.GetAsync(new Uri(frontend.BaseAddress, "ready")), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "/ready turning 503");
        var text = await down.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"unavailable","database":"unavailable","cluster":"ok"}""", text);

        // Operators get the reason on the silo's health port and in the frontend's log; anonymous callers do not.
        var siloReady = await Http.GetAsync($"http://127.0.0.1:{silo.HealthPort}/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, siloReady.StatusCode);
        var details = await siloReady.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("unavailable: ", details.GetProperty("database").GetString());
        Assert.Contains($"127.0.0.1:{silo.SiloPort}:", details.GetProperty("silo").GetString());
        await Eventually.ReturnsAsync(() => Task.FromResult(frontend.Process.Output), output => output.Contains("could not reach the database"), TimeSpan.FromSeconds(10), "the reason in the frontend's log");
        var health = await Http.GetAsync(new Uri(frontend.BaseAddress, "health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await server.RestartAsync();
        await frontend.WaitUntilReadyAsync(Http);
    }
}
