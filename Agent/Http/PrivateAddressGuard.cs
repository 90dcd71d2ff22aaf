using System.Net;
using System.Net.Sockets;
using Planekeeper.Agent.Work;
using Planekeeper.Networking;

namespace Planekeeper.Agent.Http;

/// <summary>
/// The connect step of a server agent's HTTP handler: resolves the host, refuses it when any of its addresses is
/// private (<see cref="PrivateAddresses"/>), and connects to those checked addresses itself, so a second lookup
/// (DNS rebinding) cannot lead the connection elsewhere. Redirects connect through here too.
/// </summary>
public static class PrivateAddressGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        // An IPv6 literal arrives in its URL brackets.
        var addresses = await PublicAddressesAsync(endpoint.Host.Trim('[', ']'), cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> PublicAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refused = addresses.FirstOrDefault(PrivateAddresses.IsPrivate);
        return refused is null ? addresses : throw new TaskFailedException(PrivateAddressRefusal.Message(host), retryable: false);
    }
}
