using System.Net;
using System.Net.Sockets;

namespace Planekeeper.Tests.Infrastructure;

public static class FreePort
{
    // Below Linux's ephemeral range (32768+), so an outgoing connection cannot take a port between probe and bind.
    private static int _next = 10000 + (Environment.ProcessId % 220) * 100;

    /// <summary>
    /// A port nobody listens on now, on any interface (the frontend and silos bind 0.0.0.0). Ports are handed out
    /// from a per-process range so that parallel test classes never get the same one between probing and binding.
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
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
