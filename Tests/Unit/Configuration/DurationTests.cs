using Planekeeper.Configuration;

namespace Planekeeper.Tests.Unit.Configuration;

public class DurationTests
{
    [Theory]
    [InlineData("15s", 15)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("20", 20)]
    [InlineData(" 30s ", 30)]
    [InlineData("90m", 5400)]
    public void Seconds_minutes_hours_or_a_plain_number_of_seconds(string text, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-5")]
    [InlineData("-5m")]
    [InlineData("1d")]
    [InlineData("5ms")]
    [InlineData("1.5h")]
    [InlineData("m")]
    [InlineData("soon")]
    [InlineData("99999999999")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData("5 m")]
    [InlineData("+5m")]
    [InlineData("5\tm")]
    public void Only_digits_come_before_the_unit(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData("2147483647h")]
    [InlineData("300000000h")]
    [InlineData("8785h")]
    [InlineData("31622401s")]
    public void A_duration_longer_than_366_days_is_refused_not_thrown(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void Exactly_366_days_is_accepted()
    {
        Assert.True(Duration.TryParse("8784h", out var duration));
        Assert.Equal(TimeSpan.FromDays(366), duration);
    }
}
