using Planekeeper.Grains.Versioning;
using Planekeeper.Versioning;

namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>
/// Applies a monitoring rule to a deployed version and the upstream's releases (docs/rules-and-alerts.md,
/// "Monitoring rules").
/// </summary>
public static class RuleEvaluator
{
    /// <returns>The verdict; null when no release is eligible (none parses, or only prereleases with stable_only),
    /// since there is then no latest version to be behind.</returns>
    public static RuleOutcome? Evaluate(RuleDefinition rule, string deployedVersion, IReadOnlyList<UpstreamRelease> releases, DateTime now)
    {
        var eligible = EligibleVersions(releases, rule.StableOnly);
        if (VersionOrdering.Highest(eligible) is not { } latest)
        {
            return null;
        }

        if (ReleaseVersion.Parse(deployedVersion) is not { } deployed)
        {
            return new RuleOutcome(Severity.Critical, 0, AlertReasons.VersionParseFailure, deployedVersion, latest.Text);
        }

        var behindBy = rule.RuleType switch
        {
            RuleTypes.DaysBehind => DaysBehind(deployedVersion, deployed, latest, releases, now),
            RuleTypes.MajorsBehind => Math.Max(0, latest.Major - deployed.Major),
            RuleTypes.MinorsBehind => MinorsBehind(deployed, latest, eligible),
            _ => throw new ArgumentException($"unknown rule type '{rule.RuleType}'", nameof(rule)),
        };
        return behindBy is { } behind
            ? new RuleOutcome(rule.Thresholds.SeverityFor(behind), behind, AlertReasons.Behind, deployedVersion, latest.Text)
            : new RuleOutcome(Severity.Critical, 0, AlertReasons.VersionNotFound, deployedVersion, latest.Text);
    }

    private static List<ReleaseVersion> EligibleVersions(IReadOnlyList<UpstreamRelease> releases, bool stableOnly) =>
        releases
            .Where(release => !(stableOnly && release.Prerelease))
            .Select(release => ReleaseVersion.Parse(release.Version))
            .OfType<ReleaseVersion>()
            .Where(version => !(stableOnly && version.IsPrerelease))
            .ToList();

    /// <summary>Whole days since the deployed release came out; null when it is not among the releases. Up to date is 0.</summary>
    private static long? DaysBehind(string deployedText, ReleaseVersion deployed, ReleaseVersion latest, IReadOnlyList<UpstreamRelease> releases, DateTime now)
    {
        if (releases.FirstOrDefault(release => release.Version == deployedText) is not { } release)
        {
            return null;
        }

        if (deployed >= latest)
        {
            return 0;
        }

        var since = release.ReleasedAt ?? release.FoundAt;
        return Math.Max(0, (long)Math.Floor((now - since).TotalDays));
    }

    private static long MinorsBehind(ReleaseVersion deployed, ReleaseVersion latest, List<ReleaseVersion> eligible) =>
        eligible
            .Select(version => version.Line)
            .Where(line => line.CompareTo(deployed.Line) > 0 && line.CompareTo(latest.Line) <= 0)
            .Distinct()
            .Count();
}
