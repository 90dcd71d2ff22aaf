using System.Net;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>A delivery's host resolved to an address that is not public (SPEC §4 SSRF guard).</summary>
public sealed class BlockedAddressException(string host, IPAddress address)
    : Exception($"blocked_address: {host} resolves to {address}, which is not public (NOTIFICATION_ALLOW_PRIVATE_URLS=true allows it)");
