using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Jobs;

/// <summary>Normalizes and checks the artifact of a gather job for its source type (SPEC §1, Gather job).</summary>
public static partial class ArtifactName
{
    public const string GithubReleases = "github_releases";
    public const string HelmRepository = "helm_repository";
    public const string OciRegistry = "oci_registry";

    public static readonly IReadOnlyList<string> SourceTypes = [GithubReleases, HelmRepository, OciRegistry];

    /// <returns>The normalized name, or null with the reason.</returns>
    public static string? Normalize(string sourceType, string? artifact, out string? error)
    {
        error = null;
        var value = artifact?.Trim() ?? "";
        var (normalized, valid, expected) = sourceType switch
        {
            GithubReleases => Github(value),
            HelmRepository => Helm(value),
            OciRegistry => Oci(value),
            _ => (value, false, "a supported source type"),
        };
        if (valid)
        {
            return normalized;
        }

        error = $"artifact_name must be {expected}, got '{value}'";
        return null;
    }

    private static (string, bool, string) Github(string value)
    {
        var stripped = StripScheme(value).TrimEnd('/');
        stripped = stripped.EndsWith(".git", StringComparison.Ordinal) ? stripped[..^4] : stripped;
        return (stripped, GithubPattern().IsMatch(stripped), "github.com/<owner>/<repo>");
    }

    private static (string, bool, string) Helm(string value)
    {
        var stripped = StripScheme(value).TrimEnd('/');
        return (stripped, HelmPattern().IsMatch(stripped), "<host>/<path>/<chart> of a Helm repository");
    }

    private static (string, bool, string) Oci(string value)
    {
        var expected = "an image reference without tag or digest, such as ghcr.io/org/image (tags are discovered, not given)";
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        if (value.Contains('@') || lastSegment.Contains(':'))
        {
            return (value, false, expected);
        }

        return (value, OciPattern().IsMatch(value), expected);
    }

    private static string StripScheme(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? value[8..]
        : value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? value[7..]
        : value;

    [GeneratedRegex("^github\\.com/[A-Za-z0-9-]{1,39}/[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex GithubPattern();

    [GeneratedRegex("^[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9_.~-]+)+$")]
    private static partial Regex HelmPattern();

    [GeneratedRegex("^(localhost|[a-z0-9-]+(\\.[a-z0-9-]+)+|[a-z0-9-]+:[0-9]{1,5}|[a-z0-9-]+(\\.[a-z0-9-]+)+:[0-9]{1,5})(/[a-z0-9]+([._-][a-z0-9]+)*)+$")]
    private static partial Regex OciPattern();
}
