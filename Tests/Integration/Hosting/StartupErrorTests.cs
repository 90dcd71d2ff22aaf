using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>Wrong or missing database settings stop each host at once with one line that names them.</summary>
public class StartupErrorTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, string?, string> Cases => new()
    {
        // dll, setting to change, its value (null removes it), what the single line must say
        { "silo", "PG_USER", null, "planekeeper-silo: PG_USER is not set" },
        { "frontend", "PG_DBNAME", null, "planekeeper-frontend: PG_DBNAME is not set" },
        { "silo", "PG_PORT", "not-a-port", "planekeeper-silo: PG_PORT must be a port number from 1 to 65535, got 'not-a-port'" },
        { "silo", "PG_HOST", "127.0.0.2", "planekeeper-silo: cannot reach PostgreSQL at 127.0.0.2:" },
        { "frontend", "PG_PASSWORD", "wrong", "planekeeper-frontend: PostgreSQL at 127.0.0.1:" },
        { "silo", "PG_DBNAME", "no_such_database", "planekeeper-silo: PostgreSQL at 127.0.0.1:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_database_setting_stops_the_host_with_one_line(string host, string setting, string? value, string expected)
    {
        var server = await PostgresServer.Shared;
        var environment = server.EnvironmentFor("postgres");
        environment[setting] = value ?? "";

        var dll = host == "silo" ? TestEnvironment.SiloDll : TestEnvironment.FrontendDll;
        await using var process = ChildProcess.Start(dll, environment);

        Assert.Equal(1, await process.WaitForExitAsync(ExitTimeout));
        var line = Assert.Single(process.StandardError);
        Assert.StartsWith(expected, line);
        Assert.Contains(setting, line);
    }
}
