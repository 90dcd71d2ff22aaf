using System.Net;

namespace Planekeeper.Agent.Http;

/// <summary>
/// Why a server agent refused a connection. The text reaches the tenant (the task's error), so it names the host the
/// tenant gave but never the address it resolved to: that would map the server's internal network (docs/security.md).
/// </summary>
public static class PrivateAddressRefusal
{
    public static string Message(string host) =>
        $"{host} {(IPAddress.TryParse(host, out _) ? "is" : "resolves to")} a private or reserved address; a server agent only reaches public addresses (AGENT_ALLOW_PRIVATE_URLS=true allows it)";
}
