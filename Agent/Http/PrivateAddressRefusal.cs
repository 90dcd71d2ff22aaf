using System.Net;

namespace Planekeeper.Agent.Http;

/// <summary>Why a server agent refused a connection: names the host and address, never a credential.</summary>
public static class PrivateAddressRefusal
{
    public static string Message(string host, IPAddress address) =>
        $"{host} resolves to {address}, a private or local address; a server agent only reaches public addresses (AGENT_ALLOW_PRIVATE_URLS=true allows it)";
}
