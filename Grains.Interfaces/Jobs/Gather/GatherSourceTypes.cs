namespace Planekeeper.Grains.Jobs.Gather;

/// <summary>Where a gather job discovers upstream releases.</summary>
public static class GatherSourceTypes
{
    public const string GitHubReleases = "github_releases";
    public const string HelmRepository = "helm_repository";
    public const string OciRegistry = "oci_registry";

    public static IReadOnlyList<string> All { get; } = [GitHubReleases, HelmRepository, OciRegistry];
}
