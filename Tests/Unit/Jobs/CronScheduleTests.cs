using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Tests.Unit.Jobs;

public class CronScheduleTests
{
    [Theory]
    [InlineData("* * * * *")]
    [InlineData("5 * * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 9 * * 1-5")]
    [InlineData("0 0,12 * * *")]
    [InlineData("30 2 1 1,7 0")]
    [InlineData("0-30/10 8-18 * * 1,3,5")]
    public void Standard_forms_parse(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out var error));
        Assert.NotNull(schedule);
        Assert.Null(error);
        Assert.Equal(expression, schedule.Expression);
    }

    [Fact]
    public void Whitespace_is_normalized()
    {
        Assert.True(CronSchedule.TryParse("  */5   *  * * *  ", out var schedule, out _));
        Assert.Equal("*/5 * * * *", schedule!.Expression);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("* * * *")]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 9 * * 1-5")]
    [InlineData("@daily")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 32 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("a b c d e")]
    [InlineData("*/x * * * *")]
    public void Invalid_expressions_fail_with_a_sentence(string? expression)
    {
        Assert.False(CronSchedule.TryParse(expression, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.StartsWith("schedule must be a 5-field cron expression (minute hour day-of-month month day-of-week)", error);
    }

    [Theory]
    [InlineData("2025-03-10T10:00:00", "2025-03-10T10:15:00")]
    [InlineData("2025-03-10T10:07:30", "2025-03-10T10:15:00")]
    [InlineData("2025-03-10T10:14:59", "2025-03-10T10:15:00")]
    [InlineData("2025-03-10T10:45:00", "2025-03-10T11:00:00")]
    [InlineData("2025-12-31T23:59:00", "2026-01-01T00:00:00")]
    public void Every_fifteen_minutes_is_exclusive_of_now(string now, string expected)
    {
        AssertNext("*/15 * * * *", now, expected);
    }

    [Theory]
    [InlineData("2025-03-10T08:00:00", "2025-03-10T09:00:00")] // Monday, before nine
    [InlineData("2025-03-10T09:00:00", "2025-03-11T09:00:00")] // Monday at nine: the next one
    [InlineData("2025-03-14T10:00:00", "2025-03-17T09:00:00")] // Friday after nine: Monday
    [InlineData("2025-03-15T09:00:00", "2025-03-17T09:00:00")] // Saturday
    [InlineData("2025-03-16T23:59:59", "2025-03-17T09:00:00")] // Sunday night
    public void Weekdays_at_nine(string now, string expected)
    {
        AssertNext("0 9 * * 1-5", now, expected);
    }

    [Fact]
    public void Next_occurrence_is_utc_and_unspecified_input_is_taken_as_utc()
    {
        Assert.True(CronSchedule.TryParse("0 9 * * 1-5", out var schedule, out _));
        var fromUnspecified = schedule.NextAfter(new DateTime(2025, 3, 10, 8, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(DateTimeKind.Utc, fromUnspecified!.Value.Kind);
        Assert.Equal(new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc), fromUnspecified);
    }

    private static void AssertNext(string expression, string now, string expected)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out _));
        var next = schedule.NextAfter(Utc(now));

        Assert.Equal(Utc(expected), next);
        Assert.Equal(DateTimeKind.Utc, next!.Value.Kind);
    }

    private static DateTime Utc(string value) =>
        DateTime.SpecifyKind(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
