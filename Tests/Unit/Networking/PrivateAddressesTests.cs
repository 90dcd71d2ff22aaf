using System.Net;
using Planekeeper.Networking;

namespace Planekeeper.Tests.Unit.Networking;

/// <summary>The address table of docs/security.md ("Addresses a tenant chooses"), range by range.</summary>
public class PrivateAddressesTests
{
    [Theory]
    // IPv4 special-purpose ranges: first, inner and last address where it matters.
    [InlineData("0.0.0.0")]
    [InlineData("0.255.255.255")]
    [InlineData("10.0.0.0")]
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.1")]
    [InlineData("192.0.0.170")]
    [InlineData("192.0.2.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.7")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    // IPv6 outside global unicast and its special ranges.
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::7f00:1")]             // IPv4-compatible (::/96), deprecated
    [InlineData("::8.8.8.8")]            // IPv4-compatible, even with a public IPv4
    [InlineData("100::1")]               // discard-only
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]              // site-local
    [InlineData("feff::1")]
    [InlineData("ff02::1")]              // multicast
    [InlineData("ff0e::101")]
    [InlineData("2001:db8::1")]          // documentation
    [InlineData("64:ff9b:1::a00:1")]     // local-use NAT64, whatever it carries
    [InlineData("64:ff9b:1::808:808")]
    // IPv4-mapped.
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:198.18.0.1")]
    [InlineData("::ffff:255.255.255.255")]
    // Translation forms carrying a private or reserved IPv4.
    [InlineData("64:ff9b::7f00:1")]      // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")]   // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("2002:7f00:1::1")]       // 6to4 of 127.0.0.1
    [InlineData("2002:a00:1::")]         // 6to4 of 10.0.0.1
    [InlineData("2002:c0a8:101::1")]     // 6to4 of 192.168.1.1
    [InlineData("2001:0:a00:1::f7f7:f7f7")]        // Teredo via server 10.0.0.1 (client 8.8.8.8)
    [InlineData("2001:0:808:808::80ff:fffe")]      // Teredo to client 127.0.0.1 (inverted) via server 8.8.8.8
    public void Not_public(string address) => Assert.True(PrivateAddresses.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("140.82.112.3")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("::ffff:140.82.112.3")]
    // Translation forms carrying a public IPv4 lead to that public host, so they are allowed (docs/security.md).
    [InlineData("64:ff9b::808:808")]     // NAT64 of 8.8.8.8
    [InlineData("64:ff9b::140.82.112.3")]
    [InlineData("2002:808:808::1")]      // 6to4 of 8.8.8.8
    [InlineData("2001:0:808:808::f7f7:f7f7")]     // Teredo via server 8.8.8.8 to client 8.8.8.8
    public void Public(string address) => Assert.False(PrivateAddresses.IsPrivate(IPAddress.Parse(address)));
}
