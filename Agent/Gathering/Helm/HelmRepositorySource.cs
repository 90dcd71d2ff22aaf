using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// <c>helm_repository</c>: one chart's versions from its repository's index.yaml (artifact <c>host/path/chart</c>):
/// version, appVersion, created, digest; prerelease by SemVer. After the tag filter, the newest 1,000 by created.
/// </summary>
public sealed class HelmRepositorySource : IGatherSource
{
    public const int MaxVersions = 1000;

    private readonly HelmIndexDownload _download;
    private readonly Func<string, bool> _usePlainHttp;

    /// <param name="handler">The agent's handler chain (<see cref="AgentHttp.CreateHandler"/>); shared, never disposed here.</param>
    /// <param name="usePlainHttp">Which repository hosts (<c>host[:port]</c>) are reached over http instead of https; none by default.</param>
    public HelmRepositorySource(HttpMessageHandler handler, Func<string, bool>? usePlainHttp = null)
    {
        _download = new HelmIndexDownload(new HttpClient(handler, disposeHandler: false));
        _usePlainHttp = usePlainHttp ?? (_ => false);
    }

    public string SourceType => "helm_repository";

    public async Task<GatherResult> GatherAsync(GatherRequest request, CancellationToken cancellationToken)
    {
        var address = HelmChartAddress.Parse(request.ArtifactName, _usePlainHttp);
        var filter = new TagFilter(request.TagFilter);
        using var index = await _download.FetchAsync(address.Repository, request.Credential, request.Previous, cancellationToken);
        if (index.IsUnchanged)
        {
            return new GatherResult(Unchanged: true, [], index.Validators, RateLimit: null);
        }

        var chart = index.ReadCharts(name => name == address.Chart, charts => charts.FirstOrDefault(), cancellationToken)
            ?? throw new TaskFailedException($"chart {address.Chart} not found in {index.IndexUrl}", retryable: false);
        var releases = chart.Versions
            .Where(version => filter.Allows(version.Version))
            .OrderByDescending(version => version.Created ?? DateTimeOffset.MinValue)
            .Take(MaxVersions)
            .Select(version => new GatheredRelease(version.Version, version.Created, Prerelease.Of(version.Version), version.AppVersion, version.Digest))
            .ToList();
        return new GatherResult(Unchanged: false, releases, index.Validators, RateLimit: null);
    }
}
