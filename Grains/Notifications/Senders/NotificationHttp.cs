using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Planekeeper.Networking;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// The network of every sender: one HttpClient whose connect step resolves the host, refuses addresses that are not
/// public (unless allowed) and connects to exactly the checked addresses, so DNS rebinding cannot bypass the check.
/// Redirects are not followed; each request has 10 s. <c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c> are ignored: through a
/// proxy the guard would check the proxy's address, and the proxy would reach whatever the URL names.
/// </summary>
public sealed class NotificationHttp : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static string UserAgent { get; } =
        $"Planekeeper/{typeof(NotificationHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0"}";

    private readonly NotificationNetworkSettings _settings;
    private readonly ILogger _logger;

    public NotificationHttp(NotificationNetworkSettings settings, ILogger<NotificationHttp>? logger = null, TimeProvider? clock = null)
    {
        _settings = settings;
        Clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<NotificationHttp>.Instance;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { Timeout = Timeout };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public HttpClient Client { get; }

    /// <summary>The silo's clock, against which a receiver's <c>Retry-After</c> date is read.</summary>
    public TimeProvider Clock { get; }

    /// <summary>A connected stream to the host, through the guard; SMTP connects through here too.</summary>
    public async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = await ConnectSocketAsync(host, port, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    }

    public async Task<Socket> ConnectSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await AllowedAddressesAsync(host.Trim('[', ']'), cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!_settings.AllowPrivateUrls && addresses.FirstOrDefault(PrivateAddresses.IsPrivate) is { } refused)
        {
            // The tenant sees only the host; operators see where it led.
            _logger.LogWarning("A notification to {Host} was refused: it resolves to {Address}, which is not public", host, refused);
            throw new BlockedAddressException(host, refused);
        }

        return addresses;
    }

    public void Dispose() => Client.Dispose();
}
