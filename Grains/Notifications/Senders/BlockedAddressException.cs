using System.Net;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// A delivery's host resolved to an address that is not public (docs/security.md). The message is shown to the
/// tenant (a delivery's <c>last_error</c>, a test send), so it names the host but not the address; <see cref="Address"/>
/// is for the operators' log.
/// </summary>
public sealed class BlockedAddressException(string host, IPAddress address)
    : Exception($"blocked_address: {host} {(IPAddress.TryParse(host, out _) ? "is" : "resolves to")} a private or reserved address (NOTIFICATION_ALLOW_PRIVATE_URLS=true allows it)")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
