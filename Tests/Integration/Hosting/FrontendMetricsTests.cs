using System.Net;
using System.Text.RegularExpressions;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>The frontend's <c>/metrics</c>: Prometheus text on the internal port only, with the HTTP requests by route and status.</summary>
public sealed class FrontendMetricsTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Metrics_are_prometheus_text_on_the_internal_port_with_requests_by_route_and_status()
    {
        using var anonymous = await Http.GetAsync(new Uri(system.Frontend.BaseAddress, "api/v1/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var text = await Eventually.ReturnsAsync(
            () => Http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "metrics")),
            metrics => metrics.Contains("http_route=\"/api/v1/me\""),
            TimeSpan.FromSeconds(30),
            "the request in /metrics");

        PrometheusText.AssertValid(text);
        Assert.Matches(new Regex("^http_server_request_duration_seconds_bucket\\{[^}]*http_response_status_code=\"401\"[^}]*http_route=\"/api/v1/me\"", RegexOptions.Multiline), text);
        Assert.Contains("aspnetcore_rate_limiting_requests", text);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(system.Frontend.BaseAddress, "metrics"))).StatusCode);
    }
}
