using System.Net;
using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Hosting;

namespace Planekeeper.Tests.Unit.Hosting;

public class TrustedProxiesTests
{
    [Fact]
    public void Addresses_and_networks_are_read()
    {
        var networks = TrustedProxies.Parse(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1");
        Assert.Equal(["10.0.0.0/8", "192.168.1.7/32", "fd00::/8", "::1/128"], networks.Select(n => n.ToString()));
        Assert.True(networks[0].Contains(IPAddress.Parse("10.1.2.3")));
        Assert.False(networks[1].Contains(IPAddress.Parse("192.168.1.8")));
        Assert.Empty(TrustedProxies.Parse(null));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.0/x")]
    public void A_malformed_entry_stops_the_start(string value)
    {
        var problem = Assert.Throws<StartupConfigurationException>(() => TrustedProxies.Parse(value));
        Assert.Contains("PLANEKEEPER_TRUSTED_PROXIES", problem.Message);
    }

    [Fact]
    public void The_replaced_switch_stops_the_start_and_names_its_successor()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PLANEKEEPER_TRUST_FORWARDED_HEADERS"] = "true" }).Build();
        var problem = Assert.Throws<StartupConfigurationException>(() => TrustedProxies.FromConfiguration(configuration));
        Assert.Contains("PLANEKEEPER_TRUSTED_PROXIES", problem.Message);
    }
}
