using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.GitHub;
using Planekeeper.Agent.Gathering.Helm;
using Planekeeper.Agent.Gathering.Oci;
using Planekeeper.Agent.Http;

namespace Planekeeper.Agent.Work;

/// <summary>
/// The gather sources and chart discovery over one HTTP handler chain: one set that reaches only public addresses
/// (server agents) and one that reaches any (client agents, or server agents allowed private URLs).
/// </summary>
public sealed class GatherSources
{
    private readonly Lazy<SourceSet> _publicOnly;
    private readonly Lazy<SourceSet> _any;

    public GatherSources(AgentSettings settings)
    {
        _publicOnly = new Lazy<SourceSet>(() => new SourceSet(settings, AgentHttp.CreateHandler(allowPrivateAddresses: false)));
        _any = new Lazy<SourceSet>(() => new SourceSet(settings, AgentHttp.CreateHandler(allowPrivateAddresses: true)));
    }

    public SourceSet For(bool allowPrivateAddresses) => allowPrivateAddresses ? _any.Value : _publicOnly.Value;

    public sealed class SourceSet(AgentSettings settings, HttpMessageHandler handler)
    {
        public IReadOnlyDictionary<string, IGatherSource> Sources { get; } = new IGatherSource[]
        {
            new GitHubReleasesSource(handler, settings.GitHubApiUrl, settings.GitHubToken),
            new HelmRepositorySource(handler),
            new OciRegistrySource(handler),
        }.ToDictionary(source => source.SourceType);

        public HelmChartDiscovery Charts { get; } = new(handler);
    }
}
