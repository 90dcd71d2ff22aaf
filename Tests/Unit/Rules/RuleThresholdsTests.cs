using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Tests.Unit.Rules;

public class RuleThresholdsTests
{
    private static readonly RuleThresholds SevenThirtyNinety = new(7, 30, 90);

    [Theory]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(7, Severity.Moderate)]
    [InlineData(29, Severity.Moderate)]
    [InlineData(30, Severity.High)]
    [InlineData(89, Severity.High)]
    [InlineData(90, Severity.Critical)]
    [InlineData(200, Severity.Critical)]
    public void Severity_is_the_highest_threshold_reached_inclusive(long behindBy, Severity? expected) =>
        Assert.Equal(expected, SevenThirtyNinety.SeverityFor(behindBy));

    [Fact]
    public void Equal_thresholds_reach_the_highest_at_once() =>
        Assert.Equal(Severity.Critical, new RuleThresholds(1, 1, 1).SeverityFor(1));

    [Fact]
    public void A_zero_moderate_threshold_alerts_even_when_up_to_date() =>
        Assert.Equal(Severity.Moderate, new RuleThresholds(0, 2, 3).SeverityFor(0));

    [Theory]
    [InlineData(1, 2, 3, new string[0])]
    [InlineData(0, 0, 0, new string[0])]
    [InlineData(-1, 2, 3, new[] { "moderate" })]
    [InlineData(1, -2, 3, new[] { "high" })]
    [InlineData(5, 4, 6, new[] { "high" })]
    [InlineData(1, 5, 4, new[] { "critical" })]
    [InlineData(3, 2, 1, new[] { "high", "critical" })]
    public void Thresholds_are_non_negative_and_ordered(int moderate, int high, int critical, string[] fields) =>
        Assert.Equal(fields.Order(), RuleThresholds.Validate(moderate, high, critical).Keys.Order());

    [Fact]
    public void The_message_names_the_relation() =>
        Assert.Equal("high must be ≥ moderate (7), got 5", RuleThresholds.Validate(7, 5, 90)["high"].Single());
}
