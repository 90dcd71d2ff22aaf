using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.Silo.Hosting;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary><c>PLANEKEEPER_ADVERTISED_IP=hostname</c>: a container advertises the address its host name resolves to.</summary>
public class HostNameAddressTests
{
    [Fact]
    public void The_first_IPv4_address_of_the_host_name_is_advertised()
    {
        var address = HostNameAddress.Resolve("PLANEKEEPER_ADVERTISED_IP", "silo-1",
            name => name == "silo-1" ? [IPAddress.Parse("fd00::5"), IPAddress.Parse("172.30.0.5"), IPAddress.Parse("10.0.0.9")] : []);

        Assert.Equal(IPAddress.Parse("172.30.0.5"), address);
    }

    [Fact]
    public void A_host_name_with_only_IPv6_addresses_advertises_the_first()
    {
        Assert.Equal(IPAddress.Parse("fd00::5"), HostNameAddress.Resolve("PLANEKEEPER_ADVERTISED_IP", "silo-1", _ => [IPAddress.Parse("fd00::5")]));
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_stops_the_start_naming_the_setting()
    {
        var problem = Assert.Throws<StartupConfigurationException>(() =>
            HostNameAddress.Resolve("PLANEKEEPER_ADVERTISED_IP", "nowhere", _ => throw new SocketException((int)SocketError.HostNotFound)));

        Assert.StartsWith("PLANEKEEPER_ADVERTISED_IP=hostname: the host name 'nowhere' does not resolve", problem.Message);
    }

    [Fact]
    public void The_silo_settings_take_hostname_as_this_machines_address()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PLANEKEEPER_ADVERTISED_IP"] = "hostname", ["PLANEKEEPER_SILO_HEALTH_PORT"] = "9181" })
            .Build();

        var endpoints = SiloEndpointSettings.FromConfiguration(configuration);

        var expected = HostNameAddress.Resolve("PLANEKEEPER_ADVERTISED_IP", Dns.GetHostName(), Dns.GetHostAddresses);
        Assert.Equal(expected, endpoints.AdvertisedAddress);
        Assert.Equal(new Uri($"http://{new IPEndPoint(expected, 9181)}/health"), endpoints.HealthUrl);
    }

    [Fact]
    public void A_silo_listening_on_every_interface_is_asked_on_loopback()
    {
        var endpoints = new SiloEndpointSettings(11111, 30000, 8081, IPAddress.Parse("10.0.0.9"), IPAddress.Any);

        Assert.Equal(new Uri("http://127.0.0.1:8081/health"), endpoints.HealthUrl);
    }
}
