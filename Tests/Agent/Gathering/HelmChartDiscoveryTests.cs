using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.Helm;
using Planekeeper.Agent.Work;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>Helm sync's chart discovery over the large generated index.</summary>
public sealed class HelmChartDiscoveryTests : IAsyncLifetime
{
    private HelmRepositoryStandIn _repository = null!;

    public async Task InitializeAsync() => _repository = await HelmRepositoryStandIn.StartAsync(LargeHelmIndex.Yaml);

    public async Task DisposeAsync() => await _repository.DisposeAsync();

    [Fact]
    public async Task Every_chart_is_listed_with_its_highest_stable_version_else_its_newest()
    {
        var result = await Discover(chartFilter: null);

        Assert.False(result.Unchanged);
        Assert.Equal(LargeHelmIndex.ChartCount, result.Charts.Count);
        var charts = result.Charts.ToDictionary(chart => chart.Name);
        Assert.Equal(new DiscoveredChart("chart-000", "1.8.4", "2.84.0"), charts["chart-000"]);
        Assert.Equal(new DiscoveredChart("nginx", "15.11.99", "1.27.399"), charts["nginx"]);
        Assert.Equal(new DiscoveredChart("podinfo", "6.6.0", "6.6.0"), charts["podinfo"]);
        Assert.Equal(new DiscoveredChart("edge-only", "0.2.0-alpha.1", "0.2.0"), charts["edge-only"]);
    }

    [Fact]
    public async Task The_chart_filter_keeps_matching_charts_only()
    {
        var result = await Discover(chartFilter: "^(podinfo|nginx)$");

        Assert.Equal(["nginx", "podinfo"], result.Charts.Select(chart => chart.Name));
    }

    [Fact]
    public async Task A_bad_chart_filter_fails_not_retryable_naming_it()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Discover(chartFilter: "^(podinfo"));

        Assert.False(failure.Retryable);
        Assert.StartsWith("chart_filter '^(podinfo' is not a valid regular expression: ", failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task An_unchanged_index_is_answered_304_and_reports_unchanged()
    {
        var first = await Discover(chartFilter: null);

        var second = await Discover(chartFilter: null, previous: first.Validators);

        Assert.True(second.Unchanged);
        Assert.Empty(second.Charts);
        Assert.Equal(304, _repository.Requests[^1].Status);
    }

    [Fact]
    public async Task A_repository_url_that_is_not_http_fails_not_retryable()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() =>
            new HelmChartDiscovery(TestHttp.Handler()).DiscoverAsync("ftp://charts.example.com/stable", null, null, null, CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal("repository_url 'ftp://charts.example.com/stable' is not an http(s) URL of a Helm repository", failure.Message);
    }

    private Task<HelmChartDiscoveryResult> Discover(string? chartFilter, UpstreamValidators? previous = null) =>
        new HelmChartDiscovery(TestHttp.Handler()).DiscoverAsync($"{_repository.RepositoryUrl}/", chartFilter, null, previous, CancellationToken.None);
}
