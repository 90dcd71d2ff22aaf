using Planekeeper.Versioning;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// Whether a version as published is a prerelease for sources that have no such flag (Helm charts, OCI tags): a
/// SemVer version with a prerelease part (<c>1.4.0-rc.1</c>, <c>v2.0.0-beta</c>). Versions that are not SemVer
/// (<c>latest</c>, <c>stable</c>) count as releases.
/// </summary>
public static class Prerelease
{
    public static bool Of(string version) => ReleaseVersion.Parse(version) is { IsPrerelease: true };
}
