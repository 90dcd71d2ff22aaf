using Planekeeper.Agent.Http;
using Planekeeper.Versioning;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>
/// <c>oci_registry</c>: an image's tags through the registry v2 API (<see cref="OciTagList"/>), anonymous or with a
/// registry_basic credential (<see cref="RegistrySession"/>); prerelease by SemVer.
/// <para>
/// Release dates: a tag list carries none, and dating a tag costs two or three requests (<see cref="OciManifests"/>),
/// so only the newest <c>datedTags</c> tags by SemVer precedence after the tag filter (10 by default) get a date
/// (the image's <c>created</c>) and their manifest digest; other tags, and tags that are not SemVer
/// (<c>latest</c>), are reported without either. The newest versions are the ones drift is measured against.
/// </para>
/// </summary>
public sealed class OciRegistrySource : IGatherSource
{
    public const int DefaultDatedTags = 10;

    private readonly HttpClient _http;
    private readonly Func<string, bool> _usePlainHttp;
    private readonly int _datedTags;

    /// <param name="handler">The agent's handler chain (<see cref="AgentHttp.CreateHandler"/>); shared, never disposed here.</param>
    /// <param name="usePlainHttp">Which registries (<c>host[:port]</c>) are reached over http instead of https; none by default.</param>
    /// <param name="datedTags">How many of the newest tags get a date and digest.</param>
    public OciRegistrySource(HttpMessageHandler handler, Func<string, bool>? usePlainHttp = null, int datedTags = DefaultDatedTags)
    {
        _http = new HttpClient(handler, disposeHandler: false);
        _usePlainHttp = usePlainHttp ?? (_ => false);
        _datedTags = datedTags;
    }

    public string SourceType => "oci_registry";

    public async Task<GatherResult> GatherAsync(GatherRequest request, CancellationToken cancellationToken)
    {
        var image = OciImage.Parse(request.ArtifactName, _usePlainHttp);
        var filter = new TagFilter(request.TagFilter);
        var session = new RegistrySession(_http, image, request.Credential);
        try
        {
            var tags = (await OciTagList.ReadAsync(session, image, cancellationToken)).Where(filter.Allows).ToList();
            var details = await ReadNewestAsync(session, image, tags, cancellationToken);
            var releases = tags.Select(tag => Release(tag, details.GetValueOrDefault(tag))).ToList();
            return new GatherResult(Unchanged: false, releases, Validators: null, RateLimit: null);
        }
        catch (Exception exception) when (UpstreamFailure.FromException(exception, $"the registry {image.Registry}", cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<Dictionary<string, OciTagDetail>> ReadNewestAsync(RegistrySession session, OciImage image, List<string> tags, CancellationToken cancellationToken)
    {
        var newest = tags
            .Select(tag => (Tag: tag, Version: ReleaseVersion.Parse(tag)))
            .Where(tag => tag.Version is not null)
            .OrderByDescending(tag => tag.Version)
            .Take(_datedTags)
            .Select(tag => tag.Tag);
        var details = new Dictionary<string, OciTagDetail>();
        foreach (var tag in newest)
        {
            if (await OciManifests.ReadAsync(session, image, tag, cancellationToken) is { } detail)
            {
                details[tag] = detail;
            }
        }

        return details;
    }

    private static GatheredRelease Release(string tag, OciTagDetail? detail) =>
        new(tag, detail?.Created, Prerelease.Of(tag), AppVersion: null, detail?.Digest);
}
