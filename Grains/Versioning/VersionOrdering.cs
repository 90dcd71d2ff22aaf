using Planekeeper.Versioning;

namespace Planekeeper.Grains.Versioning;

/// <summary>Picking by SemVer precedence among versions as published; text that is not a version is left out.</summary>
public static class VersionOrdering
{
    /// <summary>The highest of <paramref name="versions"/>, or null when none parses.</summary>
    public static ReleaseVersion? Highest(IEnumerable<string?> versions) =>
        Highest(versions.Select(ReleaseVersion.Parse));

    /// <summary>The highest of <paramref name="versions"/>; the first of equals; null when there is none.</summary>
    public static ReleaseVersion? Highest(IEnumerable<ReleaseVersion?> versions)
    {
        ReleaseVersion? highest = null;
        foreach (var version in versions)
        {
            if (version is not null && (highest is null || version > highest))
            {
                highest = version;
            }
        }

        return highest;
    }

    /// <summary>
    /// The highest of <paramref name="versions"/> that is not a SemVer prerelease (a gather job's
    /// <c>latest_version</c>, docs/jobs.md); null when none parses as a stable version.
    /// </summary>
    public static ReleaseVersion? HighestStable(IEnumerable<string?> versions) =>
        Highest(versions.Select(ReleaseVersion.Parse).Where(version => version is { IsPrerelease: false }));

    /// <summary>The versions that parse, highest first (equal versions keep their order).</summary>
    public static IReadOnlyList<ReleaseVersion> Descending(IEnumerable<string?> versions) =>
        versions.Select(ReleaseVersion.Parse).OfType<ReleaseVersion>().OrderDescending().ToList();
}
