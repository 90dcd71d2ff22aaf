using System.Net;
using System.Net.Sockets;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;
using Planekeeper.Networking;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// What a server agent checks before git connects: an https or ssh repository in a plain form (<see cref="RemoteUrlForm"/>)
/// whose host resolves to public addresses only. The addresses checked are returned so git can be pinned to them (no
/// second, different lookup); git is given the URL rebuilt from the parts that were checked.
/// </summary>
internal static class RemoteAddressCheck
{
    public static async Task<IReadOnlyList<IPAddress>> CheckAsync(GitRemote remote, CancellationToken cancellationToken)
    {
        RemoteUrlForm.Check(remote);
        if (remote.Transport == GitTransport.Other || remote.IsPlainHttp)
        {
            throw new TaskFailedException(
                $"repository_url '{remote.Url}' is not an https or ssh repository; a server agent does not read local paths, file:// or other transports (AGENT_ALLOW_PRIVATE_URLS=true allows it)",
                retryable: false);
        }
        var addresses = IPAddress.TryParse(remote.Host, out var literal) ? [literal] : await ResolveAsync(remote.Host, cancellationToken);
        var refused = addresses.FirstOrDefault(PrivateAddresses.IsPrivate);
        if (refused is not null)
        {
            throw new TaskFailedException(PrivateAddressRefusal.Message(remote.Host), retryable: false);
        }
        return addresses;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0
                ? addresses
                : throw new TaskFailedException($"the repository host {host} resolves to no address", retryable: true);
        }
        catch (SocketException exception)
        {
            throw new TaskFailedException($"the repository host {host} could not be resolved: {exception.Message}", retryable: true, inner: exception);
        }
    }
}
