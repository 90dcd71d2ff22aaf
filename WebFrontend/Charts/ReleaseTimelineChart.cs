using System.Xml.Linq;
using Planekeeper.Versioning;

namespace Planekeeper.WebFrontend.Charts;

/// <summary>
/// A gather job's releases on a time line (filled dots stable, hollow dots prereleases), the deployed version marked by
/// a vertical line and the latest stable release labelled.
/// </summary>
public static class ReleaseTimelineChart
{
    public const double Width = 600;
    public const double Height = 90;
    private const double Margin = 12;
    private const double AxisY = 50;

    public sealed record Point(string Version, DateTime When, bool Prerelease);

    public static string Render(IReadOnlyList<Point> releases, string? deployedVersion, string id = "release-timeline")
    {
        var ordered = releases.OrderBy(release => release.When).ToList();
        var deployed = Find(ordered, deployedVersion);
        var latest = LatestStable(ordered);
        var content = new List<object> { Svg.Line("chart-axis", Margin, AxisY, Width - Margin, AxisY) };
        content.AddRange(ordered.Select(release => Svg.Circle(
            release.Prerelease ? "chart-release chart-prerelease" : "chart-release", X(ordered, release.When), AxisY, 4,
            $"{release.Version}{(release.Prerelease ? " (prerelease)" : "")}, {release.When:yyyy-MM-dd}")));
        if (deployed is not null)
        {
            content.Add(Marker("chart-deployed", X(ordered, deployed.When), $"deployed {deployed.Version}", AxisY - 36));
        }

        if (latest is not null && latest != deployed)
        {
            content.Add(Marker("chart-latest", X(ordered, latest.When), $"latest {latest.Version}", AxisY + 34));
        }

        return Svg.Render(Svg.Root(id, Width, Height, "Releases over time", Describe(ordered, deployed, deployedVersion, latest), content.ToArray()));
    }

    private static XElement Marker(string cssClass, double x, string label, double labelY) =>
        Svg.Group(cssClass, label,
            Svg.Line("chart-marker", x, AxisY - 24, x, AxisY + 24),
            Svg.Text("chart-label", x, labelY, label, x > Width * 0.75 ? "end" : x < Width * 0.25 ? "start" : "middle"));

    private static double X(IReadOnlyList<Point> ordered, DateTime when)
    {
        if (ordered.Count < 2 || ordered[^1].When == ordered[0].When)
        {
            return Width / 2;
        }

        var span = (ordered[^1].When - ordered[0].When).TotalSeconds;
        return Margin + (when - ordered[0].When).TotalSeconds / span * (Width - 2 * Margin);
    }

    /// <summary>The release that is the deployed version: the same text, or the same version by SemVer precedence (v1.2 = 1.2.0).</summary>
    private static Point? Find(IReadOnlyList<Point> releases, string? deployedVersion)
    {
        if (deployedVersion is null)
        {
            return null;
        }

        var parsed = ReleaseVersion.Parse(deployedVersion);
        return releases.FirstOrDefault(release => release.Version == deployedVersion)
            ?? releases.FirstOrDefault(release => parsed is not null && ReleaseVersion.Parse(release.Version) is { } version && version.CompareTo(parsed) == 0);
    }

    private static Point? LatestStable(IReadOnlyList<Point> releases) =>
        releases.Where(release => !release.Prerelease)
            .Select(release => (release, version: ReleaseVersion.Parse(release.Version)))
            .Where(pair => pair.version is { IsPrerelease: false })
            .OrderByDescending(pair => pair.version)
            .Select(pair => pair.release)
            .FirstOrDefault();

    private static string Describe(IReadOnlyList<Point> releases, Point? deployed, string? deployedVersion, Point? latest)
    {
        if (releases.Count == 0)
        {
            return "No releases found yet.";
        }

        var where = deployedVersion is null
            ? "No deployed version is known."
            : deployed is null
                ? $"The deployed version {deployedVersion} is not among these releases."
                : $"Deployed: {deployed.Version}, released {deployed.When:yyyy-MM-dd}.";
        var newest = latest is null ? "" : $" Latest stable: {latest.Version}, released {latest.When:yyyy-MM-dd}.";
        return $"{releases.Count} releases from {releases[0].When:yyyy-MM-dd} to {releases[^1].When:yyyy-MM-dd}. {where}{newest}";
    }
}
