using System.Net;
using System.Net.Sockets;

namespace Planekeeper.Tests.Infrastructure;

public static class FreePort
{
    private static int _next = 20000 + (Environment.ProcessId % 200) * 100;

    /// <summary>
    /// A loopback port nobody listens on now. Ports are handed out from a per-process range so that
    /// parallel test classes never get the same one between probing and binding.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (IsFree(port))
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
