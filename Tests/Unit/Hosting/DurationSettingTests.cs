using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.Silo.Hosting;

namespace Planekeeper.Tests.Unit.Hosting;

public class DurationSettingTests
{
    private static TimeSpan Read(string? value) => DurationSetting.Read(
        new ConfigurationBuilder().AddInMemoryCollection([new("D", value)]).Build(), "D", TimeSpan.FromSeconds(15));

    [Theory]
    [InlineData(null, 15)]
    [InlineData("20", 20)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    public void Durations_read_as_seconds_minutes_or_hours(string? value, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), Read(value));

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("5d")]
    public void Anything_else_names_the_setting(string value) => Assert.StartsWith("D must be a duration", Assert.Throws<StartupConfigurationException>(() => Read(value)).Message);
}
