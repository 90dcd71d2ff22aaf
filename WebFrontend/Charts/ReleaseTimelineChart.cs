using System.Xml.Linq;
using Planekeeper.Versioning;

namespace Planekeeper.WebFrontend.Charts;

/// <summary>
/// A gather job's releases on a time line (filled dots stable, hollow dots prereleases), each deployed version (of the
/// scrape jobs its alert configs compare it with) marked by a vertical line above the axis, the latest stable release
/// below it.
/// </summary>
public static class ReleaseTimelineChart
{
    public const double Width = 600;
    private const double Margin = 12;
    private const double LabelLine = 14;
    private const double BelowAxis = 40;

    public sealed record Point(string Version, DateTime When, bool Prerelease);

    /// <summary>A deployed version and where it runs (the scrape jobs that found it).</summary>
    public sealed record Deployment(string Version, string Where);

    public static string Render(IReadOnlyList<Point> releases, IReadOnlyList<Deployment> deployments, string id = "release-timeline")
    {
        var ordered = releases.OrderBy(release => release.When).ToList();
        var deployed = deployments.Select(deployment => (deployment, release: Find(ordered, deployment.Version))).ToList();
        var marked = deployed.Where(pair => pair.release is not null).ToList();
        var latest = LatestStable(ordered);
        var axisY = 36 + LabelLine * Math.Max(marked.Count, 1);
        var content = new List<object> { Svg.Line("chart-axis", Margin, axisY, Width - Margin, axisY) };
        content.AddRange(ordered.Select(release => Svg.Circle(
            release.Prerelease ? "chart-release chart-prerelease" : "chart-release", X(ordered, release.When), axisY, 4,
            $"{release.Version}{(release.Prerelease ? " (prerelease)" : "")}, {release.When:yyyy-MM-dd}")));
        content.AddRange(marked.Select((pair, index) => Marker("chart-deployed", X(ordered, pair.release!.When), axisY,
            $"deployed {pair.release.Version} ({pair.deployment.Where})", axisY - 36 - LabelLine * (marked.Count - 1 - index))));
        if (latest is not null && marked.All(pair => pair.release != latest))
        {
            content.Add(Marker("chart-latest", X(ordered, latest.When), axisY, $"latest {latest.Version}", axisY + 34));
        }

        return Svg.Render(Svg.Root(id, Width, axisY + BelowAxis, "Releases over time", Describe(ordered, deployed, latest), content.ToArray()));
    }

    private static XElement Marker(string cssClass, double x, double axisY, string label, double labelY) =>
        Svg.Group(cssClass, label,
            Svg.Line("chart-marker", x, labelY + 6, x, axisY + 24),
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
    private static Point? Find(IReadOnlyList<Point> releases, string deployedVersion)
    {
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

    private static string Describe(IReadOnlyList<Point> releases, IReadOnlyList<(Deployment Deployment, Point? Release)> deployed, Point? latest)
    {
        if (releases.Count == 0)
        {
            return "No releases found yet.";
        }

        var where = deployed.Count == 0
            ? "No deployed version is known."
            : string.Join(" ", deployed.Select(pair => pair.Release is { } release
                ? $"Deployed in {pair.Deployment.Where}: {release.Version}, released {release.When:yyyy-MM-dd}."
                : $"The version deployed in {pair.Deployment.Where}, {pair.Deployment.Version}, is not among these releases."));
        var newest = latest is null ? "" : $" Latest stable: {latest.Version}, released {latest.When:yyyy-MM-dd}.";
        return $"{releases.Count} releases from {releases[0].When:yyyy-MM-dd} to {releases[^1].When:yyyy-MM-dd}. {where}{newest}";
    }
}
