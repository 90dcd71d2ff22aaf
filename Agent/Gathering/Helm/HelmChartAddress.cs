using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// A helm_repository artifact, <c>host[:port]/[path/]chart</c>: the repository is <c>https://host/path</c> (plain
/// http only where the source is told so), the chart its last segment.
/// </summary>
internal sealed record HelmChartAddress(Uri Repository, string Chart)
{
    public static HelmChartAddress Parse(string artifactName, Func<string, bool> usePlainHttp)
    {
        var path = WithoutScheme(artifactName.Trim()).Trim('/');
        var lastSlash = path.LastIndexOf('/');
        var repository = lastSlash > 0 ? path[..lastSlash] : "";
        var scheme = usePlainHttp(repository.Split('/')[0]) ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        return lastSlash > 0 && lastSlash < path.Length - 1 && Uri.TryCreate($"{scheme}://{repository}", UriKind.Absolute, out var url)
            ? new HelmChartAddress(url, path[(lastSlash + 1)..])
            : throw new TaskFailedException($"artifact_name '{artifactName}' is not <host>[:port]/[path/]<chart> of a Helm repository", retryable: false);
    }

    private static string WithoutScheme(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? value["https://".Length..]
        : value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? value["http://".Length..]
        : value;
}
