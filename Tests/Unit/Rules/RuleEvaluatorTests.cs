using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Tests.Unit.Rules;

public class RuleEvaluatorTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly RuleThresholds OneTwoThree = new(1, 2, 3);

    private static RuleDefinition Rule(string type, RuleThresholds? thresholds = null, bool stableOnly = true) => new(type, thresholds ?? OneTwoThree, stableOnly);

    private static UpstreamRelease Release(string version, DateTime? releasedAt = null, bool prerelease = false) =>
        new(version, releasedAt, prerelease, FoundAt: Now.AddDays(-1));

    private static UpstreamRelease[] Releases(params string[] versions) => versions.Select(v => Release(v)).ToArray();

    [Theory]
    [InlineData("1.2.5", 3)]      // lines 1.3, 1.4, 2.0
    [InlineData("1.3.0", 2)]
    [InlineData("v1.4.9", 1)]
    [InlineData("2.0.0", 0)]
    [InlineData("3.0.0", 0)]      // ahead of upstream is never behind
    [InlineData("1.1", 4)]
    public void Minors_behind_counts_distinct_major_minor_lines_above_the_deployed_one(string deployed, long expected)
    {
        var outcome = RuleEvaluator.Evaluate(Rule(RuleTypes.MinorsBehind), deployed, Releases("1.2.6", "1.3.0", "1.3.1", "1.4.0", "1.4.2", "2.0.0"), Now)!;
        Assert.Equal((expected, AlertReasons.Behind, "2.0.0"), (outcome.BehindBy, outcome.Reason, outcome.LatestVersion));
    }

    [Theory]
    [InlineData("1.9.3", 3)]
    [InlineData("v2.0.0", 2)]
    [InlineData("4.0.0", 0)]
    [InlineData("5.1.0", 0)]
    public void Majors_behind_is_the_difference_of_majors_never_negative(string deployed, long expected) =>
        Assert.Equal(expected, RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind), deployed, Releases("1.0.0", "2.3.0", "3.1.0", "4.0.1"), Now)!.BehindBy);

    [Fact]
    public void Days_behind_counts_from_the_deployed_release_date_not_the_latest()
    {
        var releases = new[]
        {
            Release("v1.2.0", new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc)),
            Release("v1.5.0", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        var outcome = RuleEvaluator.Evaluate(Rule(RuleTypes.DaysBehind, new RuleThresholds(7, 30, 90)), "v1.2.0", releases, Now)!;
        Assert.Equal((322L, Severity.Critical, "v1.5.0"), (outcome.BehindBy, outcome.Severity, outcome.LatestVersion));
    }

    [Fact]
    public void Days_behind_is_zero_when_the_deployed_version_is_the_latest()
    {
        var releases = new[] { Release("1.0.0", Now.AddDays(-400)), Release("2.0.0", Now.AddDays(-300)) };
        var outcome = RuleEvaluator.Evaluate(Rule(RuleTypes.DaysBehind), "2.0.0", releases, Now)!;
        Assert.Equal((0L, (Severity?)null), (outcome.BehindBy, outcome.Severity));
    }

    [Fact]
    public void Days_behind_counts_from_when_a_release_without_a_date_was_found() =>
        Assert.Equal(1L, RuleEvaluator.Evaluate(Rule(RuleTypes.DaysBehind), "1.0.0", Releases("1.0.0", "2.0.0"), Now)!.BehindBy);

    [Theory]
    [InlineData(6, null)]
    [InlineData(7, Severity.Moderate)]
    [InlineData(30, Severity.High)]
    [InlineData(90, Severity.Critical)]
    public void The_worked_thresholds_of_the_spec(int daysOld, Severity? expected)
    {
        var releases = new[] { Release("1.0.0", Now.AddDays(-daysOld).AddHours(-1)), Release("1.1.0", Now) };
        Assert.Equal(expected, RuleEvaluator.Evaluate(Rule(RuleTypes.DaysBehind, new RuleThresholds(7, 30, 90)), "1.0.0", releases, Now)!.Severity);
    }

    [Fact]
    public void Days_behind_with_a_deployed_version_not_among_the_releases_is_critical_version_not_found()
    {
        var outcome = RuleEvaluator.Evaluate(Rule(RuleTypes.DaysBehind), "1.0.7", Releases("1.0.0", "2.0.0"), Now)!;
        Assert.Equal((Severity.Critical, AlertReasons.VersionNotFound), (outcome.Severity, outcome.Reason));
    }

    [Theory]
    [InlineData(RuleTypes.DaysBehind)]
    [InlineData(RuleTypes.MajorsBehind)]
    [InlineData(RuleTypes.MinorsBehind)]
    public void A_deployed_version_that_does_not_parse_is_critical_version_parse_failure(string type)
    {
        var outcome = RuleEvaluator.Evaluate(Rule(type), "latest", Releases("1.0.0", "latest"), Now)!;
        Assert.Equal((Severity.Critical, AlertReasons.VersionParseFailure, "latest"), (outcome.Severity, outcome.Reason, outcome.DiscoveredVersion));
    }

    [Fact]
    public void Prereleases_are_left_out_with_stable_only_and_counted_without_it()
    {
        var releases = new[] { Release("1.0.0"), Release("2.0.0"), Release("3.0.0-rc.1"), Release("4.0.0", prerelease: true) };
        var stable = RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind), "1.0.0", releases, Now)!;
        var all = RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind, stableOnly: false), "1.0.0", releases, Now)!;
        Assert.Equal((1L, "2.0.0"), (stable.BehindBy, stable.LatestVersion));
        Assert.Equal((3L, "4.0.0"), (all.BehindBy, all.LatestVersion));
    }

    [Fact]
    public void Releases_that_do_not_parse_are_ignored_for_the_latest() =>
        Assert.Equal("1.5.0", RuleEvaluator.Evaluate(Rule(RuleTypes.MinorsBehind), "1.4.0", Releases("1.4.0", "latest", "1.5.0", "nightly-2026"), Now)!.LatestVersion);

    [Fact]
    public void Without_an_eligible_release_there_is_no_verdict()
    {
        Assert.Null(RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind), "1.0.0", Releases("latest", "edge"), Now));
        Assert.Null(RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind), "1.0.0", [Release("2.0.0-rc.1")], Now));
    }

    [Fact]
    public void Severity_follows_the_thresholds()
    {
        var outcome = RuleEvaluator.Evaluate(Rule(RuleTypes.MajorsBehind), "1.0.0", Releases("1.0.0", "3.0.0"), Now)!;
        Assert.Equal((2L, Severity.High), (outcome.BehindBy, outcome.Severity));
    }
}
