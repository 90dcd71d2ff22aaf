using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// The silo's and the frontend's <c>/metrics</c> after real work (docs/operations.md, "Metrics"): an agent claims and
/// completes a gather, an alert is evaluated and delivered to a webhook receiver, and a claimed task's lease expires so
/// its job is queued again; the task engine timed the claim and its writes of both lanes.
/// </summary>
public sealed class SiloMetricsTests(NotificationSystem system) : IClassFixture<NotificationSystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task After_a_claim_a_delivery_and_an_expired_lease_both_metrics_endpoints_parse_and_hold_the_named_series()
    {
        var (owner, key) = await system.OrganizationAsync("metrics");
        var organization = await system.ScalarAsync<long>("SELECT id FROM organizations WHERE name = 'metrics'");
        await using var receiver = await ReceiverStandIn.StartAsync();
        await owner.RouteEverythingToAsync(await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }));
        var deploy = await system.AlertByHandAsync(owner, key, "metrics");
        await deploy("1.0.0");
        await receiver.ReceivedAsync(1, "the alert.created webhook");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "silent-agent");
        await owner.CreateGatherJobAsync("left to expire");
        Assert.NotNull(await agent.ClaimAsync(waitSeconds: 5));

        var silo = await Eventually.ReturnsAsync(
            () => Http.GetStringAsync($"http://127.0.0.1:{system.Silos[0].HealthPort}/metrics"),
            text => PrometheusText.Sum(text, "planekeeper_job_leases_expired_total", ("kind", "gather_job")) >= 1
                    && PrometheusText.Sum(text, "planekeeper_notification_deliveries_total", ("status", "succeeded")) >= 1
                    && PrometheusText.Sum(text, "planekeeper_jobs_queued", ("organization", $"{organization}")) >= 1,
            TimeSpan.FromSeconds(30),
            "the expired lease, the delivery and the queued job on the silo's /metrics");

        PrometheusText.AssertValid(silo);
        Assert.True(PrometheusText.Sum(silo, "planekeeper_jobs_claimed_total", ("kind", "gather_job")) >= 2, "both gather claims counted");
        Assert.True(PrometheusText.Sum(silo, "planekeeper_jobs_completed_total", ("kind", "gather_job"), ("outcome", "succeeded")) >= 1, "the completion counted");
        Assert.True(PrometheusText.Sum(silo, "planekeeper_jobs_completed_total", ("kind", "gather_job"), ("outcome", "lease_expired")) >= 1, "the expiry ended the try");
        Assert.True(PrometheusText.Sum(silo, "planekeeper_alert_evaluation_duration_seconds_count", ("outcome", "created")) >= 1, "the evaluation timed");
        Assert.NotNull(PrometheusText.Sum(silo, "planekeeper_alert_evaluation_duration_seconds_bucket", ("outcome", "created"), ("le", "+Inf")));
        Assert.True(PrometheusText.Sum(silo, "planekeeper_job_claim_duration_seconds_count") >= 1, "the claim that found its job at once timed");
        Assert.NotNull(PrometheusText.Sum(silo, "planekeeper_job_claim_duration_seconds_bucket", ("le", "+Inf")));
        Assert.True(PrometheusText.Sum(silo, "planekeeper_job_write_duration_seconds_count", ("lane", "claims")) >= 1, "the claim's write timed in its lane");
        Assert.True(PrometheusText.Sum(silo, "planekeeper_job_write_duration_seconds_count", ("lane", "reports")) >= 1, "the completion's write timed in its lane");

        var frontend = await Http.GetStringAsync(new Uri(system.Frontend.InternalBaseAddress, "metrics"));
        PrometheusText.AssertValid(frontend);
        Assert.True(PrometheusText.Sum(frontend, "http_server_request_duration_seconds_count",
            ("http_route", "/api/v1/agent/tasks/claim"), ("http_response_status_code", "200")) >= 2, "the claims on the frontend's /metrics");
        Assert.NotNull(PrometheusText.Sum(frontend, "http_server_request_duration_seconds_bucket", ("http_route", "/api/v1/agent/tasks/claim"), ("le", "+Inf")));
    }
}
