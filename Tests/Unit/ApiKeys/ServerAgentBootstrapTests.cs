using Planekeeper.Configuration;
using Planekeeper.Grains.ApiKeys;

namespace Planekeeper.Tests.Unit.ApiKeys;

public class ServerAgentBootstrapTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    private static ServerAgentBootstrap Configured(string? secret) =>
        ServerAgentBootstrap.Configured(secret, ServerAgentBootstrap.DefaultMaxAttempts, ServerAgentBootstrap.DefaultWindow);

    [Fact]
    public void A_configured_secret_shorter_than_32_characters_stops_the_silo_naming_the_setting()
    {
        var refused = Assert.Throws<StartupConfigurationException>(() => Configured(Secret[..31]));

        Assert.Contains("AGENT_BOOTSTRAP_SECRET", refused.Message);
        Assert.Contains("32", refused.Message);
        Assert.DoesNotContain(Secret[..31], refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_secret_turns_bootstrapping_off(string? secret)
    {
        var bootstrap = Configured(secret);

        Assert.False(bootstrap.IsOn);
        Assert.False(bootstrap.Accepts(""));
        Assert.False(bootstrap.Accepts(Secret));
    }

    [Fact]
    public void Only_the_configured_secret_is_accepted()
    {
        var bootstrap = Configured(Secret);

        Assert.True(bootstrap.Accepts(Secret));
        Assert.False(bootstrap.Accepts(Secret[..^1] + "X"));
        Assert.False(bootstrap.Accepts(Secret[..31]));
        Assert.False(bootstrap.Accepts(null));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("short", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    public void A_request_secret_must_be_32_characters_at_least(string? secret, bool longEnough)
    {
        Assert.Equal(longEnough, ServerAgentBootstrap.IsLongEnough(secret));
    }
}
