using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.Helm;
using Planekeeper.Agent.Work;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>helm_repository against a stand-in repository serving a large generated index.yaml.</summary>
public sealed class HelmRepositorySourceTests : IAsyncLifetime
{
    private HelmRepositoryStandIn _repository = null!;

    public async Task InitializeAsync() => _repository = await HelmRepositoryStandIn.StartAsync(LargeHelmIndex.Yaml);

    public async Task DisposeAsync() => await _repository.DisposeAsync();

    [Fact]
    public void The_generated_index_is_of_realistic_size()
    {
        Assert.True(LargeHelmIndex.EntryCount >= 5000, $"{LargeHelmIndex.EntryCount} entries");
        Assert.True(LargeHelmIndex.ChartCount >= 50, $"{LargeHelmIndex.ChartCount} charts");
    }

    [Fact]
    public async Task The_wanted_charts_versions_come_with_app_version_date_digest_and_prerelease()
    {
        var result = await Gather("podinfo");

        Assert.False(result.Unchanged);
        Assert.Null(result.RateLimit);
        Assert.Equal(
            [
                new GatheredRelease("6.5.5", LargeHelmIndex.Podinfo655, false, null, HelmIndexBuilder.Digest("podinfo", "6.5.5")),
                new GatheredRelease("6.6.0", LargeHelmIndex.Podinfo660, false, "6.6.0", HelmIndexBuilder.Digest("podinfo", "6.6.0")),
                new GatheredRelease("6.6.0-rc.1", LargeHelmIndex.Podinfo660Rc1, true, "6.6.0-rc.1", HelmIndexBuilder.Digest("podinfo", "6.6.0-rc.1")),
                new GatheredRelease("6.5.4", LargeHelmIndex.Podinfo654, false, "6.5.4", HelmIndexBuilder.Digest("podinfo", "6.5.4")),
            ],
            result.Releases);
    }

    [Fact]
    public async Task At_most_the_newest_1000_versions_are_kept()
    {
        var result = await Gather("nginx");

        Assert.Equal(HelmRepositorySource.MaxVersions, result.Releases.Count);
        var newestFirst = Enumerable.Range(0, LargeHelmIndex.NginxVersions).Reverse().Take(HelmRepositorySource.MaxVersions).ToList();
        Assert.Equal(newestFirst.Select(LargeHelmIndex.NginxVersion), result.Releases.Select(release => release.Version));
        Assert.Equal(newestFirst.Select(n => (DateTimeOffset?)LargeHelmIndex.NginxCreated(n)), result.Releases.Select(release => release.ReleasedAt));
    }

    [Fact]
    public async Task The_tag_filter_applies_before_the_cap()
    {
        var result = await Gather("nginx", tagFilter: @"^15\.0\.");

        Assert.Equal(100, result.Releases.Count);
        Assert.Equal("15.0.99", result.Releases[0].Version);
        Assert.Equal("15.0.0", result.Releases[^1].Version);
    }

    [Fact]
    public async Task A_chart_missing_from_the_index_fails_not_retryable()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("nope"));

        Assert.False(failure.Retryable);
        Assert.Equal($"chart nope not found in {_repository.Url}charts/index.yaml", failure.Message);
    }

    [Fact]
    public async Task An_unchanged_index_is_answered_304_and_reports_unchanged()
    {
        var first = await Gather("podinfo");

        var second = await Gather("podinfo", previous: first.Validators);

        Assert.Equal(new UpstreamValidators(_repository.ETag, _repository.LastModified), first.Validators);
        Assert.True(second.Unchanged);
        Assert.Empty(second.Releases);
        Assert.Equal(first.Validators, second.Validators);
        var conditional = _repository.Requests[^1];
        Assert.Equal(304, conditional.Status);
        Assert.Equal(_repository.ETag, conditional.Header("If-None-Match"));
        Assert.Equal(_repository.LastModified.ToString("R"), conditional.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task A_registry_basic_credential_logs_in_with_basic_auth()
    {
        _repository.RequireLogin("chart-reader", "s3cret!");
        var credential = new AgentCredential("charts", AgentCredential.RegistryBasic, "chart-reader", "s3cret!", null);

        var refused = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("podinfo"));
        var result = await Gather("podinfo", credential);

        Assert.False(refused.Retryable);
        Assert.StartsWith($"the Helm repository {_repository.Url}charts refused access (401 Unauthorized)", refused.Message);
        Assert.Equal(4, result.Releases.Count);
        Assert.Equal(HelmRepositoryStandIn.BasicAuthorization("chart-reader", "s3cret!"), _repository.Requests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task A_credential_that_is_not_registry_basic_fails_before_fetching()
    {
        var credential = new AgentCredential("token", AgentCredential.HttpsPat, null, "ghp_secret", null);

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Gather("podinfo", credential));

        Assert.False(failure.Retryable);
        Assert.Equal("credential 'token' is not usable for a Helm repository: it takes a registry_basic credential with a username and a password", failure.Message);
        Assert.DoesNotContain("ghp_secret", failure.Message);
        Assert.Empty(_repository.Requests);
    }

    [Fact]
    public async Task A_missing_repository_fails_not_retryable()
    {
        var request = new GatherRequest("helm_repository", $"{_repository.Authority}/elsewhere/podinfo", null, null, null);

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(request, CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal($"no Helm repository at {_repository.Url}elsewhere ({_repository.Url}elsewhere/index.yaml answered 404)", failure.Message);
    }

    [Fact]
    public async Task An_index_that_is_not_YAML_fails_not_retryable()
    {
        await using var broken = await HelmRepositoryStandIn.StartAsync("apiVersion: v1\nentries:\n  podinfo: [\n    {version: 1.0.0\n");

        var request = new GatherRequest("helm_repository", $"{broken.Repository}/podinfo", null, null, null);
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(request, CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.StartsWith($"{broken.Url}charts/index.yaml is not a valid Helm index: ", failure.Message);
    }

    private Task<GatherResult> Gather(string chart, AgentCredential? credential = null, UpstreamValidators? previous = null, string? tagFilter = null) =>
        Source().GatherAsync(new GatherRequest("helm_repository", $"{_repository.Repository}/{chart}/", tagFilter, credential, previous), CancellationToken.None);

    private static HelmRepositorySource Source() => new(TestHttp.Handler(), usePlainHttp: _ => true);
}
