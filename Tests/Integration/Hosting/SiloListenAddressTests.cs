using System.Net;
using System.Net.Sockets;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// A silo binds its silo, gateway and health ports to its advertised address, not to every interface
/// (docs/operations.md). Linux routes all of 127.0.0.0/8 to loopback, so a socket bound to 0.0.0.0 would also answer
/// on 127.0.0.2; one bound to 127.0.0.1 does not.
/// </summary>
public class SiloListenAddressTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_silo_gateway_and_health_ports_listen_only_on_the_advertised_address()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("listen-address");
        await using var silo = PlanekeeperProcesses.StartSilo(database);
        await silo.WaitUntilActiveAsync(Http);

        foreach (var port in new[] { silo.SiloPort, silo.GatewayPort, silo.HealthPort })
        {
            Assert.True(await AcceptsAsync(IPAddress.Loopback, port), $"port {port} on 127.0.0.1");
            Assert.False(await AcceptsAsync(IPAddress.Parse("127.0.0.2"), port), $"port {port} also answers on 127.0.0.2");
        }
    }

    [Fact]
    public async Task PLANEKEEPER_LISTEN_IP_chooses_another_address_to_listen_on()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("listen-any");
        await using var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string> { ["PLANEKEEPER_LISTEN_IP"] = "0.0.0.0" });
        await silo.WaitUntilActiveAsync(Http);

        Assert.True(await AcceptsAsync(IPAddress.Parse("127.0.0.2"), silo.GatewayPort));
        Assert.True(await AcceptsAsync(IPAddress.Parse("127.0.0.2"), silo.HealthPort));
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
