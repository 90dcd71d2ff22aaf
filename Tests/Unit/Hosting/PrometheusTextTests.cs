using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The tests' reader of <c>/metrics</c> answers, which the metrics tests rely on.</summary>
public class PrometheusTextTests
{
    private const string Text = """
        # TYPE planekeeper_jobs_claimed_total counter
        planekeeper_jobs_claimed_total{kind="gather_job",otel_scope_name="Planekeeper"} 3 1764925200000
        planekeeper_jobs_claimed_total{kind="scrape_job",otel_scope_name="Planekeeper"} 2 1764925200000
        planekeeper_alert_evaluation_duration_seconds_bucket{outcome="created",le="+Inf"} 1
        planekeeper_notification_deliveries_total{status="a \"quoted\" value"} 1.5e1
        # EOF
        """;

    [Fact]
    public void Sums_the_samples_that_carry_the_given_labels()
    {
        PrometheusText.AssertValid(Text);
        Assert.Equal(5, PrometheusText.Sum(Text, "planekeeper_jobs_claimed_total"));
        Assert.Equal(3, PrometheusText.Sum(Text, "planekeeper_jobs_claimed_total", ("kind", "gather_job")));
        Assert.Equal(1, PrometheusText.Sum(Text, "planekeeper_alert_evaluation_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(15, PrometheusText.Sum(Text, "planekeeper_notification_deliveries_total", ("status", "a \"quoted\" value")));
    }

    [Fact]
    public void A_series_or_label_value_that_is_not_there_is_null()
    {
        Assert.Null(PrometheusText.Sum(Text, "planekeeper_jobs_queued"));
        Assert.Null(PrometheusText.Sum(Text, "planekeeper_jobs_claimed_total", ("kind", "helm_sync_job")));
    }
}
