using System.Net;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Unit.Hosting;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void Ipv4_counts_per_address_and_ipv6_per_64_network(string address, string key)
    {
        Assert.Equal(key, ClientAddress.CountingKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_connection_without_an_address_has_one_key()
    {
        Assert.Equal("unknown", ClientAddress.CountingKey(null));
    }
}
