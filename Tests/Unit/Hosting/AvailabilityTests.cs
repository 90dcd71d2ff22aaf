using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Availability;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The outage verdict and the maintenance and outage settings.</summary>
public class AvailabilityTests
{
    [Fact]
    public void An_outage_starts_after_the_threshold_of_consecutive_failures_and_ends_at_the_first_success()
    {
        var state = new OutageState(threshold: 2);
        state.RecordFailure();
        Assert.False(state.IsOut);
        state.RecordSuccess();
        state.RecordFailure();
        Assert.False(state.IsOut);
        state.RecordFailure();
        Assert.True(state.IsOut);
        state.RecordFailure();
        Assert.True(state.IsOut);
        state.RecordSuccess();
        Assert.False(state.IsOut);
    }

    [Fact]
    public void Defaults_are_no_maintenance_a_check_every_10_s_and_two_failures()
    {
        var settings = AvailabilitySettings.FromConfiguration(Configuration());

        Assert.Equal(new AvailabilitySettings(false, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), 2), settings);
    }

    [Fact]
    public void Settings_are_read_from_the_environment()
    {
        var settings = AvailabilitySettings.FromConfiguration(Configuration(
            ("MAINTENANCE_MODE", "true"), ("MAINTENANCE_RETRY_AFTER", "30m"), ("OUTAGE_CHECK_INTERVAL", "2s"), ("OUTAGE_FAILURE_THRESHOLD", "3")));

        Assert.Equal(new AvailabilitySettings(true, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(2), 3), settings);
    }

    [Theory]
    [InlineData("MAINTENANCE_MODE", "yes")]
    [InlineData("OUTAGE_CHECK_INTERVAL", "0s")]
    [InlineData("OUTAGE_CHECK_INTERVAL", "soon")]
    [InlineData("OUTAGE_FAILURE_THRESHOLD", "0")]
    [InlineData("OUTAGE_FAILURE_THRESHOLD", "two")]
    public void Bad_values_stop_the_start_naming_the_setting(string setting, string value) =>
        Assert.Contains(setting, Assert.Throws<StartupConfigurationException>(() => AvailabilitySettings.FromConfiguration(Configuration((setting, value)))).Message);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
