using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>Where the repository and the built frontend are, as recorded when the benchmark was compiled; free ports.</summary>
public static class BenchEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BuildConfiguration { get; } = Metadata("BuildConfiguration");

    public static string PostgresScript => Path.Combine(RepositoryRoot, "deploy", "dev", "postgres.sh");

    public static string FrontendDll => Path.Combine(RepositoryRoot, "WebFrontend", "bin", BuildConfiguration, "net10.0", "Planekeeper.WebFrontend.dll");

    /// <summary>A port nobody listens on now (the operating system picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(BenchEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
