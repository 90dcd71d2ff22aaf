using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Jobs.Gather;

/// <summary>Normalizes and checks a gather job's artifact_name for its source type.</summary>
public static partial class ArtifactNames
{
    /// <summary>The canonical artifact name, or null with an error explaining the expected form.</summary>
    public static string? Normalize(string sourceType, string artifactName, out string? error) => sourceType switch
    {
        GatherSourceTypes.GitHubReleases => GitHub(artifactName.Trim(), out error),
        GatherSourceTypes.HelmRepository => HelmChart(artifactName.Trim(), out error),
        GatherSourceTypes.OciRegistry => OciRepository(artifactName.Trim(), out error),
        _ => throw new ArgumentOutOfRangeException(nameof(sourceType), sourceType, "Unknown source type."),
    };

    private static string? GitHub(string value, out string? error)
    {
        var stripped = StripPrefix(value, "https://").TrimEnd('/');
        if (stripped.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            stripped = stripped[..^4];
        }

        var match = GitHubPattern().Match(stripped);
        if (!match.Success || match.Groups["repo"].Value is "." or "..")
        {
            error = "artifact_name for github_releases must be github.com/<owner>/<repo> (owner up to 39 letters, digits or '-'; repo up to 100 letters, digits, '_', '.' or '-')";
            return null;
        }
        error = null;
        return $"github.com/{match.Groups["owner"].Value}/{match.Groups["repo"].Value}";
    }

    private static string? HelmChart(string value, out string? error)
    {
        var stripped = StripPrefix(StripPrefix(value, "https://"), "http://").TrimEnd('/');
        var segments = stripped.Split('/');
        var valid = segments.Length >= 2
            && HostPattern().IsMatch(segments[0])
            && segments.Skip(1).All(s => HelmSegmentPattern().IsMatch(s) && s is not "." and not "..");
        if (!valid)
        {
            error = "artifact_name for helm_repository must be <host>[:port]/[path/]<chart>, e.g. charts.bitnami.com/bitnami/nginx; path segments may contain letters, digits, '_', '.', '~' or '-'";
            return null;
        }
        error = null;
        return stripped;
    }

    private static string? OciRepository(string value, out string? error)
    {
        var lastSlash = value.LastIndexOf('/');
        if (value.Contains('@') || value[(lastSlash + 1)..].Contains(':'))
        {
            error = "artifact_name for oci_registry must not include a tag or digest; tags are discovered, not given";
            return null;
        }

        var segments = value.Split('/');
        var valid = segments.Length >= 2
            && IsRegistryHost(segments[0])
            && segments.Skip(1).All(s => OciComponentPattern().IsMatch(s));
        if (!valid)
        {
            error = "artifact_name for oci_registry must be <registry>/<repository> without tag or digest, e.g. ghcr.io/org/image or docker.io/library/nginx; the registry needs a '.' or a port (or be localhost) and repository components are lowercase";
            return null;
        }
        error = null;
        return value;
    }

    // Mirrors the Docker reference grammar: without a '.', a ':' or "localhost" the first component is part of the path, not a host.
    private static bool IsRegistryHost(string segment) =>
        HostPattern().IsMatch(segment)
        && (segment.Contains('.') || segment.Contains(':') || segment.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    private static string StripPrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : value;

    [GeneratedRegex(@"^github\.com/(?<owner>[A-Za-z0-9\-]{1,39})/(?<repo>[A-Za-z0-9_.\-]{1,100})\z", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9.\-]*[A-Za-z0-9])?(:[0-9]{1,5})?\z")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.~\-]+\z")]
    private static partial Regex HelmSegmentPattern();

    [GeneratedRegex(@"^[a-z0-9]+([._\-][a-z0-9]+)*\z")]
    private static partial Regex OciComponentPattern();
}
