using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Http;
using Planekeeper.Versioning;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// For helm sync jobs: every chart in a repository's index.yaml (those whose name matches the job's chart_filter,
/// when it has one) with its latest version, in one streaming pass over the index.
/// </summary>
public sealed class HelmChartDiscovery(HttpMessageHandler handler)
{
    private readonly HelmIndexDownload _download = new(new HttpClient(handler, disposeHandler: false));

    /// <param name="repositoryUrl">The sync job's repository_url (http or https).</param>
    /// <param name="chartFilter">The job's chart_filter regex, or null for every chart.</param>
    public async Task<HelmChartDiscoveryResult> DiscoverAsync(
        string repositoryUrl, string? chartFilter, AgentCredential? credential, UpstreamValidators? previous, CancellationToken cancellationToken)
    {
        var repository = Repository(repositoryUrl);
        var filter = new TagFilter(chartFilter, "chart_filter");
        using var index = await _download.FetchAsync(repository, credential, previous, cancellationToken);
        if (index.IsUnchanged)
        {
            return new HelmChartDiscoveryResult(Unchanged: true, [], index.Validators);
        }

        var charts = index.ReadCharts(filter.Allows, found => found.Select(Latest).ToList(), cancellationToken);
        return new HelmChartDiscoveryResult(Unchanged: false, charts, index.Validators);
    }

    private static Uri Repository(string repositoryUrl) =>
        Uri.TryCreate(repositoryUrl.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new TaskFailedException($"repository_url '{repositoryUrl}' is not an http(s) URL of a Helm repository", retryable: false);

    private static DiscoveredChart Latest(HelmIndexChart chart)
    {
        var latest = chart.Versions
                .Select(version => (Entry: version, SemVer: ReleaseVersion.Parse(version.Version)))
                .Where(version => version.SemVer is { IsPrerelease: false })
                .OrderByDescending(version => version.SemVer)
                .Select(version => version.Entry)
                .FirstOrDefault()
            ?? chart.Versions.MaxBy(version => version.Created ?? DateTimeOffset.MinValue);
        return new DiscoveredChart(chart.Name, latest?.Version, latest?.AppVersion);
    }
}
