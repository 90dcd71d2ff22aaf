using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.Tests.Unit.RateLimiting;

public class RateLimitSettingsTests
{
    private static RateLimitSettings Read(params (string Key, string Value)[] values) => RateLimitSettings.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void The_defaults_are_100_requests_per_minute_and_20_and_10_sign_ins_per_minute()
    {
        var settings = Read();
        Assert.Equal((100, TimeSpan.FromSeconds(60)), (settings.Requests.PermitLimit, settings.Requests.Window));
        Assert.Equal((20, TimeSpan.FromSeconds(60)), (settings.SignInsPerAddress.PermitLimit, settings.SignInsPerAddress.Window));
        Assert.Equal((10, TimeSpan.FromSeconds(60)), (settings.SignInsPerAccount.PermitLimit, settings.SignInsPerAccount.Window));
    }

    [Fact]
    public void Settings_override_the_defaults()
    {
        var settings = Read(("RATE_LIMIT_MAX_REQUESTS", "5"), ("RATE_LIMIT_WINDOW_SECONDS", "10"), ("SIGN_IN_WINDOW_SECONDS", "300"));
        Assert.Equal((5, TimeSpan.FromSeconds(10)), (settings.Requests.PermitLimit, settings.Requests.Window));
        Assert.Equal(TimeSpan.FromMinutes(5), settings.SignInsPerAccount.Window);
    }

    [Theory]
    [InlineData("RATE_LIMIT_MAX_REQUESTS", "0")]
    [InlineData("RATE_LIMIT_WINDOW_SECONDS", "a minute")]
    [InlineData("SIGN_IN_MAX_ATTEMPTS_PER_IP", "-1")]
    public void A_bad_value_stops_the_start_naming_the_setting(string key, string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Read((key, value)));
        Assert.Contains(key, error.Message);
    }
}
