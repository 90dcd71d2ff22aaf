using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Tests.Unit.Jobs;

public class CronScheduleTests
{
    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 9 * * 1-5")]
    [InlineData("0 0,12 1 * *")]
    public void Standard_five_field_expressions_parse(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out _));
        Assert.Equal(expression, schedule!.Expression);
    }

    [Theory]
    [InlineData("0 0 * * * *")]
    [InlineData("every day")]
    [InlineData("61 * * * *")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_with_a_reason(string? expression)
    {
        Assert.False(CronSchedule.TryParse(expression, out _, out var error));
        Assert.StartsWith("schedule", error);
    }

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-28T10:07:00Z", "2026-11-28T10:15:00Z")]
    [InlineData("*/15 * * * *", "2026-11-28T10:15:00Z", "2026-11-28T10:30:00Z")]
    [InlineData("0 9 * * 1-5", "2026-11-28T10:00:00Z", "2026-11-30T09:00:00Z")]
    public void The_next_run_is_the_next_utc_occurrence_strictly_after_now(string expression, string now, string expected)
    {
        CronSchedule.TryParse(expression, out var schedule, out _);

        Assert.Equal(DateTime.Parse(expected).ToUniversalTime(), schedule!.NextAfter(DateTime.Parse(now).ToUniversalTime()));
    }
}
