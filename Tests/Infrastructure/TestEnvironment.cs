using System.Reflection;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>Where the repository and the built hosts are, as recorded when the tests were compiled.</summary>
public static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BuildConfiguration { get; } = Metadata("BuildConfiguration");

    public static string SiloDll => HostDll("Silo", "Planekeeper.Silo.dll");

    /// <summary>The silo with a test-only crash observer (<c>Tests/CrashTestSilo</c>).</summary>
    public static string CrashTestSiloDll => HostDll(Path.Combine("Tests", "CrashTestSilo"), "Planekeeper.Tests.CrashTestSilo.dll");

    public static string FrontendDll => HostDll("WebFrontend", "Planekeeper.WebFrontend.dll");

    public static string AgentDll => HostDll("Agent", "Planekeeper.Agent.dll");

    public static string TopologyProxyDll => HostDll(Path.Combine("deploy", "topology", "Proxy"), "Planekeeper.TopologyProxy.dll");

    public static string PostgresScript => Path.Combine(RepositoryRoot, "deploy", "dev", "postgres.sh");

    private static string HostDll(string project, string dll) =>
        Path.Combine(RepositoryRoot, project, "bin", BuildConfiguration, "net10.0", dll);

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
